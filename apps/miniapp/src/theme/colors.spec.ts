import { COLORS } from '@healthcode/contracts';

import { codeColors, palette, qrPaper, scanResultColors } from './colors';
import { contrastRatio } from './contrast.util';

describe('colour palette contrast (WCAG 2.x)', () => {
  it('computes known ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
  });

  it.each(COLORS)('text on the %s code colour reaches 4.5:1', (color) => {
    const tokens = codeColors[color];
    expect(contrastRatio(tokens.onBackground, tokens.background)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(COLORS)('the %s QR ink stands out from the paper (>= 3:1, WCAG non-text contrast)', (color) => {
    expect(contrastRatio(codeColors[color].qrInk, qrPaper)).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['text', palette.text, palette.background],
    ['muted text', palette.textMuted, palette.background],
    ['muted text on surface', palette.textMuted, palette.surface],
    ['text on surface', palette.text, palette.surface],
    ['primary button', palette.onPrimary, palette.primary],
    ['danger button', palette.onDanger, palette.danger],
    ['links', palette.primary, palette.background],
    ['errors', palette.danger, palette.background],
  ])('%s reaches 4.5:1', (_name, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['invalid', 'unverified'] as const)(
    "text on the checkpoint %s screen reaches 7:1 (read at arm's length)",
    (kind) => {
      expect(
        contrastRatio(scanResultColors[kind].onBackground, scanResultColors[kind].background),
      ).toBeGreaterThanOrEqual(7);
    },
  );

  it('borders of inputs reach 3:1 against the page', () => {
    expect(contrastRatio(palette.border, palette.background)).toBeGreaterThanOrEqual(3);
  });
});
