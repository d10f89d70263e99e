import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import type { GreenOutlook } from '../green-outlook.util';

export function GreenOutlookLine({ outlook }: { outlook: GreenOutlook }) {
  const { t } = useTranslation();
  if (outlook.kind === 'none') return null;
  const text =
    outlook.kind === 'date'
      ? t('code.greenAt', { date: outlook.date, days: outlook.days })
      : outlook.kind === 'today'
        ? t('code.greenToday')
        : t('code.greenWhen', { text: outlook.text });
  return (
    <View className="green-outlook" aria-label="green outlook">
      <Text>{text}</Text>
    </View>
  );
}
