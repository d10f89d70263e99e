import type { Color } from '@healthcode/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Darker than the chart hues so the white (or, on yellow, black) label keeps AA contrast.
const TAG_STYLE = {
  green: { background: '#237804', color: '#fff' },
  yellow: { background: '#fadb14', color: '#000' },
  red: { background: '#cf1322', color: '#fff' },
} as const;

/** A code colour as a labelled tag: the text names the colour, so it never relies on the hue alone. */
export function ColorTag({ color }: { color: Color | null | undefined }) {
  const { t } = useTranslation();
  if (!color) return <Tag>{t('common.none')}</Tag>;
  return <Tag style={{ ...TAG_STYLE[color], borderColor: TAG_STYLE[color].background }}>{t(`colors.${color}`)}</Tag>;
}
