import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { ColorBadge } from '../../components/color-badge';
import { Screen } from '../../components/screen';
import { ResourceView } from '../../components/state-views/resource-view';
import { formatDateTime, formatDay } from '../../format/date-format.util';
import { useResource } from '../../hooks/use-resource';
import { currentLocale } from '../../i18n/i18n';
import { localized } from '../../i18n/localized-text.util';
import { fetchHistory } from './service';

/** A timeline of colour changes, each with its cause in plain words. */
export default function HistoryPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [history, reload] = useResource(fetchHistory, []);

  return (
    <Screen title={t('history.title')} tab="history">
      <ResourceView
        resource={history}
        onRetry={reload}
        isEmpty={(items) => items.length === 0}
        emptyMessage={t('history.empty')}
      >
        {(items) => (
          <View className="timeline" role="list" aria-label={t('history.title')}>
            {items.map((entry) => (
              <View key={entry.id} className="card timeline__item" role="listitem">
                <Text className="muted small">{formatDateTime(entry.at)}</Text>
                <View className="timeline__colors">
                  {entry.colorBefore && <ColorBadge color={entry.colorBefore} />}
                  {entry.colorBefore && (
                    <Text className="timeline__arrow" aria-hidden="true">
                      →
                    </Text>
                  )}
                  <ColorBadge color={entry.colorAfter} />
                </View>
                <Text className="timeline__cause">{localized(entry.causeText, locale)}</Text>
                {entry.greenAtAfter && entry.colorAfter !== 'green' && (
                  <Text className="muted">{t('history.greenBy', { date: formatDay(entry.greenAtAfter) })}</Text>
                )}
              </View>
            ))}
          </View>
        )}
      </ResourceView>
    </Screen>
  );
}
