import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../services/error-message.util';
import { ActionButton } from '../action-button';

export function LoadingView({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <View className="state state--loading" role="status" aria-live="polite" aria-busy="true" aria-label="loading">
      <Text className="state__text">{message ?? t('common.loading')}</Text>
    </View>
  );
}

export function EmptyView({ message }: { message: string }) {
  return (
    <View className="state state--empty" role="status" aria-label="empty">
      <Text className="state__text">{message}</Text>
    </View>
  );
}

/** Shows the API's message (or a network hint) and a retry button. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <View className="state state--error" role="alert" aria-label="error">
      <Text className="state__text state__text--error">{errorMessage(error, t)}</Text>
      {onRetry && <ActionButton variant="secondary" label={t('common.retry')} onClick={onRetry} />}
    </View>
  );
}
