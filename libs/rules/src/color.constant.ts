/** Code colours, least to most severe. */
export const COLORS = ['green', 'yellow', 'red'] as const;
export type Color = (typeof COLORS)[number];

export const COLOR_SEVERITY: Readonly<Record<Color, number>> = { green: 0, yellow: 1, red: 2 };

export function isColor(value: unknown): value is Color {
  return value === 'green' || value === 'yellow' || value === 'red';
}

export function maxColor(a: Color, b: Color): Color {
  return COLOR_SEVERITY[a] >= COLOR_SEVERITY[b] ? a : b;
}
