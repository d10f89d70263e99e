import { getAncestors, getChildren, getRegion, listDistricts, regionName } from './region-lookup.util';

describe('getRegion', () => {
  it('finds regions at each level', () => {
    expect(getRegion('11')).toEqual({ code: '11', name: '北京市', level: 'province', parentCode: null });
    expect(getRegion('1101')).toEqual({ code: '1101', name: '市辖区', level: 'city', parentCode: '11' });
    expect(getRegion('110101')).toEqual({ code: '110101', name: '东城区', level: 'district', parentCode: '1101' });
    expect(getRegion('3301')).toEqual({ code: '3301', name: '杭州市', level: 'city', parentCode: '33' });
    expect(getRegion('330106')).toEqual({ code: '330106', name: '西湖区', level: 'district', parentCode: '3301' });
    expect(getRegion('4201')).toEqual({ code: '4201', name: '武汉市', level: 'city', parentCode: '42' });
  });

  it('gives undefined for unknown or padded codes', () => {
    expect(getRegion('330199')).toBeUndefined();
    expect(getRegion('330000')).toBeUndefined();
    expect(getRegion(undefined)).toBeUndefined();
  });

  it('hands out frozen objects', () => {
    expect(Object.isFrozen(getRegion('330106'))).toBe(true);
  });
});

describe('getChildren', () => {
  it('lists the 31 mainland provinces for null', () => {
    const provinces = getChildren(null);
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toMatchObject({ code: '11', name: '北京市' });
    expect(provinces.every((p) => p.level === 'province' && p.parentCode === null)).toBe(true);
  });

  it('lists cities of a province and districts of a city', () => {
    expect(getChildren('33').map((c) => c.name)).toContain('杭州市');
    expect(getChildren('3301').map((d) => d.code)).toContain('330106');
    expect(getChildren('4201').map((d) => d.name)).toContain('武昌区');
  });

  it('is empty for districts, unknown codes and cities without counties', () => {
    expect(getChildren('330106')).toEqual([]);
    expect(getChildren('9999')).toEqual([]);
    expect(getRegion('4419')).toMatchObject({ name: '东莞市', level: 'city' });
    expect(getChildren('4419')).toEqual([]);
  });
});

describe('getAncestors', () => {
  it('runs from the province down, excluding the region itself', () => {
    expect(getAncestors('330106').map((r) => r.code)).toEqual(['33', '3301']);
    expect(getAncestors('110101').map((r) => r.name)).toEqual(['北京市', '市辖区']);
    expect(getAncestors('4201').map((r) => r.code)).toEqual(['42']);
    expect(getAncestors('33')).toEqual([]);
    expect(getAncestors('330199')).toEqual([]);
  });
});

describe('regionName', () => {
  it('gives the Chinese name, and the pinyin name with an English suffix for en', () => {
    expect(regionName('330106')).toBe('西湖区');
    expect(regionName('330106', 'zh')).toBe('西湖区');
    expect(regionName('4201', 'en')).toBe('Wuhan City');
    expect(regionName('330199')).toBeUndefined();
  });
});

describe('listDistricts', () => {
  it('lists only 6-digit districts, each under an existing city', () => {
    const districts = listDistricts();
    expect(districts.length).toBeGreaterThan(2900);
    expect(districts.every((d) => /^\d{6}$/.test(d.code) && d.level === 'district')).toBe(true);
    expect(districts.every((d) => getRegion(d.parentCode)?.level === 'city')).toBe(true);
    expect(new Set(districts.map((d) => d.code)).size).toBe(districts.length);
    expect(districts.map((d) => d.code)).toEqual(expect.arrayContaining(['110101', '330106']));
  });
});
