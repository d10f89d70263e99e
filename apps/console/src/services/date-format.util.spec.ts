import { formatDate, formatDateTime } from './date-format.util';

describe('date formatting', () => {
  it('shows instants in China Standard Time', () => {
    expect(formatDateTime('2026-11-20T18:30:00Z')).toBe('2026-11-21 02:30');
    expect(formatDate('2026-11-20T18:30:00Z')).toBe('2026-11-21');
  });

  it('passes calendar dates through and marks missing values', () => {
    expect(formatDate('2026-11-20')).toBe('2026-11-20');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
