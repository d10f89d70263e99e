import { daysFromToday, formatDateTime, formatDay } from './date-format.util';

describe('date formatting in China time', () => {
  it('keeps calendar dates and converts instants to the CST day', () => {
    expect(formatDay('2020-02-10')).toBe('2020-02-10');
    expect(formatDay('2020-02-10T16:30:00Z')).toBe('2020-02-11');
    expect(formatDay('not a date')).toBe('not a date');
  });

  it('formats instants as CST date and minutes', () => {
    expect(formatDateTime('2020-02-10T16:30:00Z')).toBe('2020-02-11 00:30');
    expect(formatDateTime('2020-02-10')).toBe('2020-02-10');
  });

  it('counts days to a date as residents live them', () => {
    const now = new Date('2020-02-10T15:00:00Z'); // 23:00 on the 10th in Beijing
    expect(daysFromToday('2020-02-10', now)).toBe(0);
    expect(daysFromToday('2020-02-24', now)).toBe(14);
    expect(daysFromToday('2020-02-10T16:00:00Z', now)).toBe(1);
  });
});
