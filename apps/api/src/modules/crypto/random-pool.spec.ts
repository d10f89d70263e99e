import { RandomPool } from './random-pool';

describe('RandomPool', () => {
  it('hands out fresh, independent bytes of the asked length, across refills', () => {
    const pool = new RandomPool();
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const b = pool.take(12);
      expect(b).toHaveLength(12);
      seen.add(b.toString('hex'));
    }
    // 2000 draws of 96 bits: a repeat would mean bytes were handed out twice.
    expect(seen.size).toBe(2000);
  });

  it('returns a copy that later draws do not overwrite', () => {
    const pool = new RandomPool();
    const first = pool.take(16);
    const copy = Buffer.from(first);
    for (let i = 0; i < 1000; i++) pool.take(16);
    expect(first.equals(copy)).toBe(true);
    expect(pool.take(10_000)).toHaveLength(10_000);
  });
});
