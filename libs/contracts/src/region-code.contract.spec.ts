import {
  countyRegionCode,
  explainRegionCode,
  isCountyLevelRegion,
  parseRegionCode,
  regionCode,
  regionScopeCode,
  regionScopeCovers,
} from './region-code.contract';

describe('regionCode', () => {
  it.each([
    ['33', '33'],
    ['3301', '3301'],
    ['330106', '330106'],
    ['330000', '33'],
    ['330100', '3301'],
    ['110000', '11'],
    ['441900', '4419'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(regionCode().parse(input)).toBe(canonical);
  });

  it.each(['', '3', '330', '3300', '33010', '3301066', ' 33', '33 ', 'ab', '990000', '339999', '0'])(
    'refuses %j',
    (input) => {
      expect(regionCode().safeParse(input).success).toBe(false);
    },
  );

  it('says whether the shape or the region is wrong', () => {
    expect(explainRegionCode('33x')).toMatch(/2, 4 or 6 digits/);
    expect(explainRegionCode('339999')).toMatch(/Unknown region/);
    expect(explainRegionCode('330106')).toBeNull();
  });
});

describe('countyRegionCode', () => {
  it('accepts districts and cities without counties, padded or not', () => {
    expect(countyRegionCode().parse('330106')).toBe('330106');
    expect(countyRegionCode().parse('441900')).toBe('4419');
    expect(isCountyLevelRegion('4419')).toBe(true);
  });

  it.each(['33', '330000', '3301', '330100'])('refuses the province or city %s', (input) => {
    const result = countyRegionCode().safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/county-level/);
  });
});

describe('regionScopeCode and regionScopeCovers', () => {
  it('takes the empty scope as the whole country', () => {
    expect(regionScopeCode().parse('')).toBe('');
    expect(regionScopeCode().parse('330100')).toBe('3301');
    expect(regionScopeCovers('', '110101')).toBe(true);
    expect(regionScopeCovers('', null)).toBe(true);
  });

  it('covers a region inside the scope only', () => {
    expect(regionScopeCovers('33', '330106')).toBe(true);
    expect(regionScopeCovers('3301', '3301')).toBe(true);
    expect(regionScopeCovers('3301', '33')).toBe(false);
    expect(regionScopeCovers('3301', '330206')).toBe(false);
    expect(regionScopeCovers('33', undefined)).toBe(false);
  });

  it('parses nothing that is not a string', () => {
    expect(parseRegionCode(33)).toBeNull();
    expect(parseRegionCode(null)).toBeNull();
  });
});
