import { isLocale, localeFromSystemLanguage } from './locale.util';

describe('localeFromSystemLanguage', () => {
  it.each([
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s -> %s', (system, expected) => {
    expect(localeFromSystemLanguage(system)).toBe(expected);
  });

  it('recognises only the two supported locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('de')).toBe(false);
  });
});
