import { qrMatrix } from './qr-matrix.util';

describe('qrMatrix', () => {
  it('gives a square matrix with the three finder patterns', () => {
    const m = qrMatrix('eyJhbGciOiJFUzI1NiJ9.eyJjcmQiOiJ4In0.c2lnbmF0dXJl');
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m.every((row) => row.length === m.length)).toBe(true);
    const n = m.length;
    for (const [r, c] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ])
      expect([m[r][c], m[r][c + 6], m[r + 6][c], m[r + 2][c + 2], m[r + 1][c + 1]]).toEqual([
        true,
        true,
        true,
        true,
        false,
      ]);
  });

  it('refuses a payload that is not printable ASCII', () => {
    expect(() => qrMatrix('张三')).toThrow(RangeError);
  });
});
