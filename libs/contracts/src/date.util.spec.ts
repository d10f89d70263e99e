import { addDays, cstDate, cstMidnight, daysBetween, isIsoDate } from './date.util';

describe('date.util', () => {
  it('accepts only real ISO calendar dates', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-2-1')).toBe(false);
    expect(isIsoDate('2020-02-01T00:00:00Z')).toBe(false);
  });
  it('reads the calendar date in China Standard Time', () => {
    expect(cstDate(new Date('2020-02-10T15:59:59Z'))).toBe('2020-02-10');
    expect(cstDate(new Date('2020-02-10T16:00:00Z'))).toBe('2020-02-11');
    expect(cstMidnight('2020-02-11').toISOString()).toBe('2020-02-10T16:00:00.000Z');
  });
  it('does day arithmetic across month ends', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2020-03-01', '2020-02-28')).toBe(-2);
  });
});
