import { takeToken } from './token-bucket.util';

describe('takeToken', () => {
  it('allows a burst up to the capacity, then refills at the rate', () => {
    const bucket = { tokens: 3, updatedAtMs: 0 };
    expect([1, 2, 3, 4].map(() => takeToken(bucket, 0, 2, 3))).toEqual([true, true, true, false]);
    expect(takeToken(bucket, 400, 2, 3)).toBe(false);
    expect(takeToken(bucket, 500, 2, 3)).toBe(true);
    expect(takeToken(bucket, 100_000, 2, 3)).toBe(true);
    expect(bucket.tokens).toBe(2);
  });

  it('ignores a clock going backwards', () => {
    const bucket = { tokens: 0, updatedAtMs: 1000 };
    expect(takeToken(bucket, 500, 10, 5)).toBe(false);
  });
});
