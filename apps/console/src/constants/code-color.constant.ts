import type { Color } from '@healthcode/contracts';

/** The three code colours as drawn everywhere in the console (antd's success/warning/error hues). */
export const CODE_COLOR_HEX: Readonly<Record<Color, string>> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
};
