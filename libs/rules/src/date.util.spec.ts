import {
  civilFromDays,
  dayOfInstant,
  dayOfNow,
  daysFromCivil,
  formatIsoDate,
  parseIsoDate,
  parseIsoInstant,
} from './date.util';

describe('date.util', () => {
  it('maps the epoch and known dates to day numbers', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('2020-02-20')).toBe(18_312);
    expect(parseIsoDate('2000-03-01')! - parseIsoDate('2000-02-28')!).toBe(2);
    expect(parseIsoDate('1900-03-01')! - parseIsoDate('1900-02-28')!).toBe(1);
  });

  it('round-trips days across several centuries', () => {
    for (let day = daysFromCivil(1899, 12, 25); day < daysFromCivil(2101, 1, 5); day += 3) {
      expect(parseIsoDate(formatIsoDate(day))).toBe(day);
    }
  });

  it('agrees with Date.UTC', () => {
    for (const [y, m, d] of [
      [2020, 2, 29],
      [2024, 12, 31],
      [1969, 12, 31],
      [2100, 3, 1],
    ]) {
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(civilFromDays(daysFromCivil(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
  });

  it.each([
    '2020-02-30',
    '2019-02-29',
    '2020-13-01',
    '2020-00-10',
    '2020-1-01',
    '20200101',
    '2020-01-01T00:00',
    '',
    'abcd-ef-gh',
  ])('refuses %p as a date', (text) => expect(parseIsoDate(text)).toBeNull());

  it('refuses non-strings', () => {
    expect(parseIsoDate(undefined)).toBeNull();
    expect(parseIsoDate(20200101)).toBeNull();
    expect(parseIsoInstant(null)).toBeNull();
  });

  it('reads instants with or without an offset, defaulting to UTC+8', () => {
    const utc = Date.UTC(2020, 1, 20, 4, 0, 0);
    expect(parseIsoInstant('2020-02-20T12:00:00+08:00')).toBe(utc);
    expect(parseIsoInstant('2020-02-20T12:00:00')).toBe(utc);
    expect(parseIsoInstant('2020-02-20T04:00:00Z')).toBe(utc);
    expect(parseIsoInstant('2020-02-20T04:00:00.000Z')).toBe(utc);
    expect(parseIsoInstant('2020-02-19T23:00-0500')).toBe(utc);
    expect(parseIsoInstant('2020-02-20 12:00')).toBe(utc);
    expect(parseIsoInstant('2020-02-20')).toBe(Date.UTC(2020, 1, 19, 16));
    expect(parseIsoInstant('2020-02-20T24:00:00Z')).toBe(Date.UTC(2020, 1, 21));
  });

  it.each(['2020-02-20T25:00', '2020-02-20T24:01', '2020-02-30T10:00', '2020-02-20T10:60', 'yesterday'])(
    'refuses %p as an instant',
    (text) => expect(parseIsoInstant(text)).toBeNull(),
  );

  it('puts instants on UTC+8 calendar days', () => {
    expect(formatIsoDate(dayOfInstant(Date.UTC(2020, 1, 19, 15, 59)))).toBe('2020-02-19');
    expect(formatIsoDate(dayOfInstant(Date.UTC(2020, 1, 19, 16, 0)))).toBe('2020-02-20');
  });

  it('reads now as a Date, a date-time or a day', () => {
    const expected = parseIsoDate('2020-02-20');
    expect(dayOfNow(new Date('2020-02-19T16:30:00Z'))).toBe(expected);
    expect(dayOfNow('2020-02-20T00:30:00+08:00')).toBe(expected);
    expect(dayOfNow('2020-02-20')).toBe(expected);
    expect(dayOfNow(new Date(Number.NaN))).toBeNull();
    expect(dayOfNow('soon')).toBeNull();
  });
});
