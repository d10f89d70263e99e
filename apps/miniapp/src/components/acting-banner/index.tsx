import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { restartAt } from '../../navigation/navigate';
import { clearActingFor, readActingFor } from '../../session/acting-for-store';
import { ActionButton } from '../action-button';

/** On the pages a carer uses for a dependant: whose record this is, and the way back to one's own. */
export function ActingBanner() {
  const { t } = useTranslation();
  const acting = readActingFor();
  if (!acting) return null;
  return (
    <View
      id="acting-banner"
      className="notice notice--status acting-banner"
      role="region"
      aria-label={t('acting.banner', { name: acting.name })}
    >
      <Text className="strong">{t('acting.banner', { name: acting.name })}</Text>
      <Text className="small">{t('acting.explain', { name: acting.name })}</Text>
      <ActionButton
        id="acting-stop"
        variant="secondary"
        label={t('acting.stop')}
        onClick={() => {
          clearActingFor();
          restartAt('code');
        }}
      />
    </View>
  );
}
