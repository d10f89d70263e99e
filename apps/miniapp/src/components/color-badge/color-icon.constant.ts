import type { Color } from '@healthcode/contracts';

/** Shapes differ as well as colours: a tick, an exclamation mark, a cross. */
export const COLOR_ICONS: Record<Color, string> = { green: '✓', yellow: '!', red: '✕' };
