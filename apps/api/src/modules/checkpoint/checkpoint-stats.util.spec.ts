import { hourKey, hourlyBuckets } from './checkpoint-stats.util';

describe('hourlyBuckets', () => {
  it('covers every hour of the range, from the hour of `from`, with zeros where nothing was scanned', () => {
    const from = new Date('2026-12-01T10:30:00Z');
    const to = new Date('2026-12-01T13:00:00Z');
    const buckets = hourlyBuckets(from, to, new Map([['2026-12-01 11', { admitted: 4, refused: 1 }]]));
    expect(buckets).toEqual([
      { hour: '2026-12-01T10:00:00.000Z', admitted: 0, refused: 0 },
      { hour: '2026-12-01T11:00:00.000Z', admitted: 4, refused: 1 },
      { hour: '2026-12-01T12:00:00.000Z', admitted: 0, refused: 0 },
    ]);
  });

  it('keys hours in UTC, as MariaDB groups them on a UTC connection', () => {
    expect(hourKey(new Date('2026-12-01T23:59:59.999Z'))).toBe('2026-12-01 23');
    expect(hourlyBuckets(new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), new Map())).toEqual([]);
  });
});
