import { COLORS } from '@healthcode/contracts';

import { i18n, initI18n } from '../../i18n/i18n';
import { codeBanner } from './code-banner.util';

describe('codeBanner', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it.each([
    ['green', '✓', 'Green – travel freely', '绿码 – 可自由通行'],
    ['yellow', '!', 'Yellow – stay home', '黄码 – 请居家'],
    ['red', '✕', 'Red – quarantine', '红码 – 需隔离'],
  ] as const)('labels %s with an icon and words in both languages', (color, icon, en, zh) => {
    const banner = codeBanner(color);
    expect(banner.icon).toBe(icon);
    expect(i18n.getFixedT('en')(banner.labelKey)).toBe(en);
    expect(i18n.getFixedT('zh-CN')(banner.labelKey)).toBe(zh);
  });

  it('gives each colour a different icon and label, not only a different colour', () => {
    const banners = COLORS.map(codeBanner);
    expect(new Set(banners.map((b) => b.icon)).size).toBe(COLORS.length);
    expect(new Set(banners.map((b) => b.labelKey)).size).toBe(COLORS.length);
  });
});
