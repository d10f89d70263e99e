import { localRegionName, nameOf, regionPathName } from './region-name.util';
import { getRegion } from '@healthcode/regions';

describe('region names in the app language', () => {
  it('uses the official Chinese name in Chinese and pinyin in English', () => {
    expect(localRegionName('420103', 'zh-CN')).toBe('江汉区');
    expect(localRegionName('420103', 'en')).toBe('Jianghan District');
    expect(nameOf(getRegion('33')!, 'en')).toBe('Zhejiang Province');
    expect(regionPathName('420103', 'zh-CN')).toBe('湖北省 武汉市 江汉区');
    expect(regionPathName('420103', 'en')).toBe('Jianghan District, Wuhan City, Hubei Province');
    expect(regionPathName('999999', 'en')).toBe('999999');
    expect(regionPathName('310101', 'en')).toBe('Huangpu District, Shanghai Municipality');
  });
});
