import { parseRegionCode } from '@healthcode/contracts';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ColorBadge } from '../../components/color-badge';
import { Heading } from '../../components/heading';
import { LanguageSwitch } from '../../components/language-switch';
import { RegionPicker } from '../../components/region-picker';
import { Screen } from '../../components/screen';
import { EmptyView } from '../../components/state-views';
import { ResourceView } from '../../components/state-views/resource-view';
import { formatDay } from '../../format/date-format.util';
import { useResource } from '../../hooks/use-resource';
import { currentLocale } from '../../i18n/i18n';
import { localized } from '../../i18n/localized-text.util';
import { fetchChangelog, fetchRules, readLastRegion, saveLastRegion } from './service';

function RegionRules({ region }: { region: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [rules, reload] = useResource(() => fetchRules(region), [region]);
  return (
    <ResourceView
      resource={rules}
      onRetry={reload}
      isEmpty={(r) => r.rules.length === 0}
      emptyMessage={t('rules.empty')}
    >
      {(r) => (
        <View role="list" aria-label="rules">
          <Text className="muted">{t('rules.version', { version: r.ruleSetVersion })}</Text>
          {r.rules.map((rule) => (
            <View key={rule.ruleId} className="card rule" role="listitem" aria-label={`rule ${rule.ruleId}`}>
              {rule.color && <ColorBadge color={rule.color} />}
              <Text className="rule__text">{localized(rule.text, locale)}</Text>
              <Text className="muted small">{rule.ruleId}</Text>
            </View>
          ))}
        </View>
      )}
    </ResourceView>
  );
}

function Changelog() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [changes, reload] = useResource(fetchChangelog, []);
  return (
    <View className="section" aria-label="changelog">
      <Heading level={2}>{t('rules.changelog')}</Heading>
      <ResourceView
        resource={changes}
        onRetry={reload}
        isEmpty={(items) => items.length === 0}
        emptyMessage={t('rules.changelogEmpty')}
      >
        {(items) => (
          <View role="list">
            {items.map((change) => (
              <View key={change.version} className="card" role="listitem" aria-label={`rule set ${change.version}`}>
                <Text className="strong">{t('rules.version', { version: change.version })}</Text>
                <Text className="muted small">
                  {t('rules.publishedAt', {
                    date: formatDay(change.publishedAt),
                    effective: formatDay(change.effectiveAt),
                  })}
                </Text>
                <Text className="paragraph">{localized(change.changelog, locale)}</Text>
              </View>
            ))}
          </View>
        )}
      </ResourceView>
    </View>
  );
}

/** The public rules of a region and the history of rule changes; no sign-in needed. */
export default function RulesPage() {
  const { t } = useTranslation();
  const param = useRouter().params.region;
  const [region, setRegion] = useState<string | null>(() => (param && parseRegionCode(param)) || readLastRegion());

  return (
    <Screen title={t('rules.title')} back="index">
      <LanguageSwitch />
      <RegionPicker
        name="rulesRegion"
        label={t('rules.region')}
        value={region}
        onChange={(code) => {
          setRegion(code);
          saveLastRegion(code);
        }}
      />
      {region ? <RegionRules region={region} /> : <EmptyView message={t('rules.chooseRegion')} />}
      <Changelog />
    </Screen>
  );
}
