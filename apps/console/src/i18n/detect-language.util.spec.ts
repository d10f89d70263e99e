import { detectLanguage, toConsoleLanguage } from './detect-language.util';

describe('detectLanguage', () => {
  it('defaults to Chinese', () => {
    expect(detectLanguage({ search: '', hash: '', stored: null })).toBe('zh-CN');
  });

  it('uses the remembered choice', () => {
    expect(detectLanguage({ search: '', hash: '#/dashboard', stored: 'en' })).toBe('en');
  });

  it('lets ?lang= win, in the search or in the hash', () => {
    expect(detectLanguage({ search: '?lang=en', hash: '', stored: 'zh-CN' })).toBe('en');
    expect(detectLanguage({ search: '', hash: '#/login?lang=en', stored: null })).toBe('en');
    expect(detectLanguage({ search: '?lang=zh', hash: '', stored: 'en' })).toBe('zh-CN');
  });

  it('ignores unknown languages', () => {
    expect(detectLanguage({ search: '?lang=fr', hash: '', stored: 'de' })).toBe('zh-CN');
    expect(toConsoleLanguage('EN-us')).toBe('en');
    expect(toConsoleLanguage('')).toBeUndefined();
  });
});
