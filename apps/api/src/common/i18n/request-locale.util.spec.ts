import { requestLocale } from './request-locale.util';

describe('requestLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN,zh;q=0.9', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, zh-CN;q=0.8', 'zh-CN'],
    ['fr-FR, en;q=0.3, zh;q=0.2', 'en'],
    ['fr-FR', 'en'],
    ['zh-CN;q=0, en', 'en'],
    [['zh-TW', 'en'], 'zh-CN'],
  ] as const)('%p → %s', (header, locale) => {
    expect(requestLocale(header as string | string[] | undefined)).toBe(locale);
  });
});
