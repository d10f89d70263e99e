import { getRegion, listDistricts, regionName } from './region-lookup.util';
import { englishRegionName, isRegionGrouping } from './region-name-en.util';
import { pinyinWord } from './region-pinyin.util';

describe('English region names (pinyin-pro)', () => {
  it('names provinces, municipalities, cities and districts as official English usage does', () => {
    expect(regionName('42', 'en')).toBe('Hubei Province');
    expect(regionName('4201', 'en')).toBe('Wuhan City');
    expect(regionName('420103', 'en')).toBe('Jianghan District');
    expect(regionName('50', 'en')).toBe('Chongqing Municipality');
    expect(regionName('11', 'en')).toBe('Beijing Municipality');
    expect(regionName('1101', 'en')).toBe('City Districts');
    expect(isRegionGrouping(getRegion('1101')!)).toBe(true);
    expect(isRegionGrouping(getRegion('4201')!)).toBe(false);
    expect(regionName('45', 'en')).toBe('Guangxi Zhuang Autonomous Region');
    expect(regionName('4228', 'en')).toBe('Enshi Tujia Miao Autonomous Prefecture');
    expect(regionName('6101', 'en')).toBe("Xi'an City");
    expect(regionName('3415', 'en')).toBe("Lu'an City");
  });

  it('reads place-name polyphones and marks syllable breaks', () => {
    expect(pinyinWord('蚌埠')).toBe('Bengbu');
    expect(pinyinWord('厦门')).toBe('Xiamen');
    expect(pinyinWord('长沙')).toBe('Changsha');
  });

  it('gives every district a Latin name, nothing left in Chinese characters', () => {
    const bad = listDistricts().filter((d) => /[\u4e00-\u9fff]/.test(englishRegionName(d)));
    expect(bad).toEqual([]);
    expect(getRegion('420103')?.name).toBe('江汉区'); // the Chinese name is unchanged
    expect(regionName('420103', 'zh')).toBe('江汉区');
    expect(regionName('999999', 'en')).toBeUndefined();
  });
});
