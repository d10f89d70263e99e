import { ACCESSIBLE_THEME } from './accessible-theme.constant';

/** WCAG 2 contrast of a black-with-alpha text colour drawn on white. */
function contrastOnWhite(rgba: string): number {
  const match = /^rgba\(0, 0, 0, ([\d.]+)\)$/.exec(rgba);
  if (!match) throw new Error(`not a black rgba colour: ${rgba}`);
  const channel = (1 - Number(match[1])) * 255;
  const s = channel / 255;
  const linear = s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  return 1.05 / (linear + 0.05);
}

describe('ACCESSIBLE_THEME', () => {
  it.each([
    ['colorTextSecondary', ACCESSIBLE_THEME.token?.colorTextSecondary],
    ['colorTextTertiary', ACCESSIBLE_THEME.token?.colorTextTertiary],
    ['colorTextDescription', ACCESSIBLE_THEME.token?.colorTextDescription],
    ['colorTextPlaceholder', ACCESSIBLE_THEME.token?.colorTextPlaceholder],
    ["a table's empty row", ACCESSIBLE_THEME.components?.Table?.colorTextDisabled],
  ])('%s reaches 4.5:1 on white', (_name, colour) => {
    expect(contrastOnWhite(String(colour))).toBeGreaterThanOrEqual(4.5);
  });

  it("antd's own disabled grey would not (the check can fail)", () => {
    expect(contrastOnWhite('rgba(0, 0, 0, 0.25)')).toBeLessThan(2);
  });
});
