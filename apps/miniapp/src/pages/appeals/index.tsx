import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { Screen } from '../../components/screen';
import { ResourceView } from '../../components/state-views/resource-view';
import { formatDateTime } from '../../format/date-format.util';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useResourceHandle } from '../../hooks/use-resource';
import { currentLocale } from '../../i18n/i18n';
import { localized } from '../../i18n/localized-text.util';
import { openPage } from '../../navigation/navigate';
import { fetchAppeals } from './service';

/** Every appeal I filed, newest first, each opening its timeline. */
export default function AppealsPage() {
  const { t } = useTranslation();
  const { resource, reload, refresh } = useResourceHandle(fetchAppeals, []);
  useRefreshOnReturn(refresh);

  return (
    <Screen title={t('appeal.listTitle')} back="code" acting>
      <ResourceView
        resource={resource}
        onRetry={reload}
        isEmpty={(items) => items.length === 0}
        emptyMessage={t('appeal.listEmpty')}
      >
        {(items) => (
          <View role="list" aria-label="appeals">
            {items.map((a) => (
              <View key={a.number} className="card" role="listitem" aria-label={`appeal ${a.number}`}>
                <Text className="strong">
                  {t('appeal.statusLine', { number: a.number, status: t(`appealStatus.${a.status}`) })}
                </Text>
                <Text>{localized(a.reason.text, currentLocale())}</Text>
                <Text className="muted small">{formatDateTime(a.submittedAt)}</Text>
                <ActionButton
                  variant="secondary"
                  id={`appeal-open-${a.number}`}
                  label={t('appeal.open')}
                  ariaLabel={t('appeal.openNumber', { number: a.number })}
                  onClick={() => openPage('appeal', { number: String(a.number) })}
                />
              </View>
            ))}
          </View>
        )}
      </ResourceView>
    </Screen>
  );
}
