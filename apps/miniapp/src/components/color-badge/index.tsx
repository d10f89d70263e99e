import { Text, View } from '@tarojs/components';
import type { Color } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { codeColors } from '../../theme/colors';
import { COLOR_ICONS } from './color-icon.constant';

/** A colour always shown with its icon and its name, never as colour alone. */
export function ColorBadge({ color, long = false }: { color: Color; long?: boolean }) {
  const { t } = useTranslation();
  const tokens = codeColors[color];
  const label = long ? t(`color.${color}`) : t(`color.${color}Short`);
  return (
    <View
      className="badge"
      style={{ backgroundColor: tokens.background, color: tokens.onBackground }}
      aria-label={label}
    >
      <Text className="badge__icon" aria-hidden="true">
        {COLOR_ICONS[color]}
      </Text>
      <Text className="badge__text">{label}</Text>
    </View>
  );
}
