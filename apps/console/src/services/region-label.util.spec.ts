import { i18n } from '../i18n/i18n';
import { regionLabel, regionLabelIn, regionShortName } from './region-label.util';

describe('region labels', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('shows the official name with the code', () => {
    expect(regionLabelIn('33', 'zh-CN')).toBe('浙江省 (33)');
    expect(regionLabelIn('3301', 'zh-CN')).toBe('杭州市 (3301)');
  });

  it('follows the console language: English (pinyin) names in English mode', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(regionLabel('33')).toBe('浙江省 (33)');
    expect(regionShortName('330106')).toBe('西湖区');
    await i18n.changeLanguage('en');
    expect(regionLabel('33')).toBe('Zhejiang Province (33)');
    expect(regionLabel('3301')).toBe('Hangzhou City (3301)');
    expect(regionShortName('330106')).toBe('Xihu District');
  });

  it('falls back to the code when the region is unknown', () => {
    expect(regionLabel('99')).toBe('99');
    expect(regionShortName('9999')).toBe('9999');
  });
});
