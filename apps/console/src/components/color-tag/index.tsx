import type { Color } from '@healthcode/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { CODE_COLOR_HEX } from '../../constants/code-color.constant';

/** A code colour as a labelled tag: the text names the colour, so it never relies on the hue alone. */
export function ColorTag({ color }: { color: Color | null | undefined }) {
  const { t } = useTranslation();
  if (!color) return <Tag>{t('common.none')}</Tag>;
  return (
    <Tag color={CODE_COLOR_HEX[color]} style={{ color: color === 'yellow' ? '#000' : '#fff' }}>
      {t(`colors.${color}`)}
    </Tag>
  );
}
