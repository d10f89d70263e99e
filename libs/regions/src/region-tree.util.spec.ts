import { regionTree } from './region-tree.util';

describe('regionTree', () => {
  it('nests provinces, cities and districts', () => {
    const zhejiang = regionTree().find((p) => p.code === '33');
    const hangzhou = zhejiang?.children?.find((c) => c.code === '3301');
    expect(hangzhou?.name).toBe('杭州市');
    expect(hangzhou?.children).toContainEqual({ code: '330106', name: '西湖区' });
  });

  it('stops at the requested level and leaves children out on leaves', () => {
    const cities = regionTree('city').find((p) => p.code === '33')?.children ?? [];
    expect(cities.length).toBeGreaterThan(0);
    expect(cities.every((c) => c.children === undefined)).toBe(true);
    expect(regionTree('province').every((p) => p.children === undefined)).toBe(true);
  });

  it('is built once and shared', () => {
    expect(regionTree()).toBe(regionTree());
    expect(Object.isFrozen(regionTree()[0])).toBe(true);
  });
});
