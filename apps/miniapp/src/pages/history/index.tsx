import { Text, View } from '@tarojs/components';
import { buildHistoryLines } from '@healthcode/code-view';
import { useTranslation } from 'react-i18next';

import { ColorBadge } from '../../components/color-badge';
import { Screen } from '../../components/screen';
import { ResourceView } from '../../components/state-views/resource-view';
import { useResource } from '../../hooks/use-resource';
import { currentLocale } from '../../i18n/i18n';
import { fetchHistory } from './service';

/** A timeline of colour changes, each with its cause in plain words (the hotline lookup shows the same lines). */
export default function HistoryPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [history, reload] = useResource(fetchHistory, []);

  return (
    <Screen title={t('history.title')} tab="history" acting>
      <ResourceView
        resource={history}
        onRetry={reload}
        isEmpty={(items) => items.length === 0}
        emptyMessage={t('history.empty')}
      >
        {(items) => (
          <View className="timeline" role="list" aria-label={t('history.title')}>
            {buildHistoryLines(items, locale).map((line) => {
              const actedFor = items.find((i) => i.id === line.id)?.actedFor;
              return (
                <View key={line.id} className="card timeline__item" role="listitem">
                  <Text className="muted small">{line.at}</Text>
                  <View className="timeline__colors">
                    {line.colorBefore && <ColorBadge color={line.colorBefore.color} />}
                    {line.colorBefore && (
                      <Text className="timeline__arrow" aria-hidden="true">
                        →
                      </Text>
                    )}
                    <ColorBadge color={line.colorAfter.color} />
                  </View>
                  <Text className="timeline__cause">{line.cause}</Text>
                  {line.greenBy && <Text className="muted">{line.greenBy}</Text>}
                  {actedFor && (
                    <Text className="muted small">
                      {t('acting.byFor', {
                        carer: actedFor.carer ?? t('acting.formerCarer'),
                        dependant: actedFor.dependant ?? '',
                      })}
                    </Text>
                  )}
                </View>
              );
            })}
          </View>
        )}
      </ResourceView>
    </Screen>
  );
}
