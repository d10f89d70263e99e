export const COLORS = ['green', 'yellow', 'red'] as const;
export type Color = (typeof COLORS)[number];

/** Severity order used everywhere a "most severe" colour is chosen. */
export const COLOR_SEVERITY: Record<Color, number> = { green: 0, yellow: 1, red: 2 };

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalizedText = Record<Locale, string>;
