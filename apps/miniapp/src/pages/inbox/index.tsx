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
import { fetchNotifications } from './service';

/** Messages the `dev` notification provider delivered (in production they arrive through WeChat or Alipay). */
export default function InboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { resource, reload, refresh } = useResourceHandle(fetchNotifications, []);
  useRefreshOnReturn(refresh);

  return (
    <Screen title={t('inbox.title')} back="code">
      <Text className="muted small">{t('inbox.devNote')}</Text>
      <ResourceView
        resource={resource}
        onRetry={reload}
        isEmpty={(items) => items.length === 0}
        emptyMessage={t('inbox.empty')}
      >
        {(items) => (
          <View role="list" aria-label="notifications">
            {items.map((n) => (
              <View key={n.id} className="card" role="listitem" aria-label="notification">
                <Text className="muted small">{formatDateTime(n.at)}</Text>
                <Text className="strong">{localized(n.title, locale)}</Text>
                <Text>{localized(n.body, locale)}</Text>
                {n.appealNumber !== null && (
                  <ActionButton
                    variant="link"
                    label={t('appeal.openNumber', { number: n.appealNumber })}
                    onClick={() => openPage('appeal', { number: String(n.appealNumber) })}
                  />
                )}
              </View>
            ))}
          </View>
        )}
      </ResourceView>
    </Screen>
  );
}
