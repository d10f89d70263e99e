import type { Color } from '@healthcode/contracts';

/**
 * The one colour palette of the app. Every text/background pair below is checked for a WCAG 2.x
 * contrast ratio of at least 4.5:1 in colors.spec.ts, so change values only with the test green.
 */
export const palette = {
  background: '#FFFFFF',
  surface: '#F4F5F7',
  text: '#1A1A1A',
  textMuted: '#4A4F57',
  border: '#767C85',
  primary: '#0B57D0',
  onPrimary: '#FFFFFF',
  danger: '#B3261E',
  onDanger: '#FFFFFF',
  focus: '#0B57D0',
} as const;

export interface CodeColorTokens {
  /** Banner and frame background. */
  background: string;
  /** Text and icon colour on `background`. */
  onBackground: string;
  /** Dark QR modules, drawn on white: kept dark enough (>= 3:1) for scanners and low-vision users. */
  qrInk: string;
}

export const codeColors: Record<Color, CodeColorTokens> = {
  green: { background: '#1B7A3A', onBackground: '#FFFFFF', qrInk: '#1B7A3A' },
  yellow: { background: '#FFD23F', onBackground: '#1A1A1A', qrInk: '#8F5A00' },
  red: { background: '#B71C1C', onBackground: '#FFFFFF', qrInk: '#B71C1C' },
};

/** QR light modules and quiet zone. */
export const qrPaper = '#FFFFFF';

/**
 * Checkpoint screens that are not a code colour: an invalid token (red, with a cross and the word INVALID, so it
 * is never mistaken for a valid code) and a scan that could not be verified (dark, never green).
 */
export const scanResultColors = {
  invalid: { background: '#8E0000', onBackground: '#FFFFFF' },
  unverified: { background: '#2B2F36', onBackground: '#FFFFFF' },
} as const;
