import { ACCESSIBLE_THEME } from './accessible-theme.constant';

const linear = (s: number) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);

/** WCAG 2 contrast on white of a `#rrggbb` colour or a black-with-alpha `rgba(0, 0, 0, a)`. */
function contrastOnWhite(colour: string): number {
  const black = /^rgba\(0, 0, 0, ([\d.]+)\)$/.exec(colour);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!black && !hex) throw new Error(`not a colour this check reads: ${colour}`);
  const [r, g, b] = black ? [1, 1, 1].map(() => 1 - Number(black[1])) : hex!.slice(1).map((h) => parseInt(h, 16) / 255);
  return 1.05 / (0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) + 0.05);
}

describe('ACCESSIBLE_THEME', () => {
  it.each([
    ['colorPrimary', ACCESSIBLE_THEME.token?.colorPrimary],
    ['colorPrimaryHover', ACCESSIBLE_THEME.token?.colorPrimaryHover],
    ['colorLinkHover', ACCESSIBLE_THEME.token?.colorLinkHover],
    ['colorError', ACCESSIBLE_THEME.token?.colorError],
    ['colorTextSecondary', ACCESSIBLE_THEME.token?.colorTextSecondary],
    ['colorTextTertiary', ACCESSIBLE_THEME.token?.colorTextTertiary],
    ['colorTextDescription', ACCESSIBLE_THEME.token?.colorTextDescription],
    ['colorTextPlaceholder', ACCESSIBLE_THEME.token?.colorTextPlaceholder],
    ["a table's empty row", ACCESSIBLE_THEME.components?.Table?.colorTextDisabled],
  ])('%s reaches 4.5:1 on white', (_name, colour) => {
    expect(contrastOnWhite(String(colour))).toBeGreaterThanOrEqual(4.5);
  });

  it("a green tag's text (green-7) reaches 4.5:1 on the tag's own tint (#f6ffed), antd's default does not", () => {
    const tint = contrastOnWhite('#f6ffed');
    const on = (colour: string) => contrastOnWhite(colour) / tint; // both against white: their ratio is theirs
    expect(on(String(ACCESSIBLE_THEME.token?.green7))).toBeGreaterThanOrEqual(4.5);
    expect(on('#389e0d')).toBeLessThan(4.5);
  });

  it("antd's own disabled grey and derived hover blue would not (the check can fail)", () => {
    expect(contrastOnWhite('rgba(0, 0, 0, 0.25)')).toBeLessThan(2);
    expect(contrastOnWhite('#2e7ae6')).toBeLessThan(4.5);
  });
});
