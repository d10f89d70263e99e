import { columnOptions, regionPath } from './region-path.util';

describe('region picker paths', () => {
  it('expands a district code to province, city and district', () => {
    expect(regionPath('330106')).toEqual(['33', '3301', '330106']);
    expect(regionPath('33')).toEqual(['33']);
    expect(regionPath(null)).toEqual([]);
    expect(regionPath('999999')).toEqual([]);
  });

  it('offers provinces first, then the children of each chosen level', () => {
    const columns = columnOptions(['33', '3301']);
    expect(columns).toHaveLength(3);
    expect(columns[0].some((r) => r.code === '11' && r.name === '北京市')).toBe(true);
    expect(columns[1].every((r) => r.code.startsWith('33') && r.code.length === 4)).toBe(true);
    expect(columns[2].some((r) => r.code === '330106')).toBe(true);
  });

  it('stops at cities without districts', () => {
    expect(columnOptions(['44', '4419'])).toHaveLength(2);
  });

  it('drops deeper choices when a higher level changes (the value is the code picked last)', () => {
    expect(columnOptions(regionPath('11'))).toHaveLength(2);
  });
});
