import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  const counter = () => {
    let n = 0;
    return () => Promise.resolve(++n);
  };

  it('gives the computed answer again within the TTL, and computes afresh once it has passed', async () => {
    const cache = new TtlCache<number>(5_000);
    const compute = counter();
    expect(await cache.get('33|14|2020-02-10', 0, compute)).toBe(1);
    expect(await cache.get('33|14|2020-02-10', 4_999, compute)).toBe(1);
    expect(await cache.get('33|14|2020-02-10', 5_000, compute)).toBe(2);
    expect(await cache.get('3301|14|2020-02-10', 5_001, compute)).toBe(3);
  });

  it('shares one computation between concurrent misses, and keeps no failure', async () => {
    const cache = new TtlCache<number>(5_000);
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    expect(await Promise.all([cache.get('k', 0, slow), cache.get('k', 1, slow)])).toEqual([1, 1]);
    await expect(cache.get('bad', 0, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('bad', 1, () => Promise.resolve(7))).toBe(7);
  });

  it('is off with a TTL of 0, and holds at most maxEntries keys', async () => {
    const off = new TtlCache<number>(0);
    const compute = counter();
    expect([await off.get('k', 0, compute), await off.get('k', 0, compute)]).toEqual([1, 2]);
    expect(off.size).toBe(0);
    const small = new TtlCache<number>(5_000, 3);
    for (let i = 0; i < 10; i++) await small.get(`k${i}`, i, compute);
    expect(small.size).toBe(3);
  });

  it('does not trust an answer from the future (a clock set back)', async () => {
    const cache = new TtlCache<number>(5_000);
    const compute = counter();
    expect(await cache.get('k', 10_000, compute)).toBe(1);
    expect(await cache.get('k', 9_000, compute)).toBe(2);
  });
});
