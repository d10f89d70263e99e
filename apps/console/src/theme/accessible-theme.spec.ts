import { theme } from 'antd';

import { ACCESSIBLE_THEME } from './accessible-theme.constant';

/** An antd colour (hex or rgba) laid over white, as sRGB 0..255. */
function onWhite(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as [number, number, number];
  const rgba = /^rgba?\(([^)]+)\)$/.exec(color);
  if (!rgba) throw new Error(`unparsed colour ${color}`);
  const [r, g, b, a = 1] = rgba[1].split(',').map((v) => Number(v.trim()));
  return [r, g, b].map((c) => c * a + 255 * (1 - a)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const contrastOnWhite = (color: string) => 1.05 / (luminance(onWhite(color)) + 0.05);

describe('the console theme meets WCAG AA (4.5:1) for text on white', () => {
  const token = theme.getDesignToken(ACCESSIBLE_THEME);

  it.each([
    'colorPrimary',
    'colorLink',
    'colorError',
    'colorText',
    'colorTextSecondary',
    'colorTextTertiary',
    'colorTextDescription',
    'colorTextPlaceholder',
  ] as const)('%s', (name) => {
    expect(contrastOnWhite(token[name] as string)).toBeGreaterThanOrEqual(4.5);
  });

  it("a table's empty text, drawn in the table's colorTextDisabled", () => {
    expect(contrastOnWhite(ACCESSIBLE_THEME.components?.Table?.colorTextDisabled as string)).toBeGreaterThanOrEqual(
      4.5,
    );
  });

  it('knows the default antd grey fails (so the check is real)', () => {
    expect(contrastOnWhite('rgba(0, 0, 0, 0.25)')).toBeLessThan(2);
    expect(contrastOnWhite('#1677ff')).toBeLessThan(4.5);
  });
});
