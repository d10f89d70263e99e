import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { Heading } from '../../../components/heading';
import { ResourceView } from '../../../components/state-views/resource-view';
import { formatDateTime, formatDay } from '../../../format/date-format.util';
import { useResource } from '../../../hooks/use-resource';
import { fetchRetention } from '../service';

/** The periods in force and, for each of my records, the day it will be deleted (the API's own dates). */
export function RetentionSection() {
  const { t } = useTranslation();
  const [summary, reload] = useResource(fetchRetention, []);
  return (
    <View className="section" aria-label="deletion dates">
      <Heading level={2}>{t('privacy.retentionTitle')}</Heading>
      <ResourceView resource={summary} onRetry={reload}>
        {(s) => (
          <View>
            <Text className="muted">
              {t('privacy.retentionPolicy', {
                scans: s.policy.checkpointScans,
                declarations: s.policy.declarations,
                appeals: s.policy.closedAppeals,
              })}
            </Text>
            {s.items.length === 0 ? (
              <Text className="muted">{t('privacy.retentionEmpty')}</Text>
            ) : (
              <View role="list">
                {s.items.map((item) => (
                  <View
                    key={`${item.kind}-${item.id}`}
                    className="card"
                    role="listitem"
                    aria-label={`record ${item.kind}`}
                  >
                    <Text className="strong">{t(`recordKind.${item.kind}`, { defaultValue: item.kind })}</Text>
                    <Text className="muted small">{t('privacy.recordedAt', { time: formatDateTime(item.at) })}</Text>
                    <Text>{t('privacy.deletedOn', { date: formatDay(item.deleteAt) })}</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        )}
      </ResourceView>
    </View>
  );
}
