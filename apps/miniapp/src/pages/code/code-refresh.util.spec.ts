import {
  formatCountdown,
  isExpired,
  MIN_REFRESH_DELAY_MS,
  REFRESH_LEAD_MS,
  refreshDelayMs,
  secondsUntil,
} from './code-refresh.util';

const NOW = Date.parse('2020-02-10T08:00:00Z');

describe('code refresh timing', () => {
  it('refreshes 30 s before the token expires', () => {
    expect(REFRESH_LEAD_MS).toBe(30_000);
    expect(refreshDelayMs('2020-02-10T08:05:00Z', NOW)).toBe(5 * 60_000 - 30_000);
  });

  it('never refreshes sooner than the minimum delay (short tokens, wrong clocks, bad input)', () => {
    expect(refreshDelayMs('2020-02-10T08:00:20Z', NOW)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelayMs('2020-02-10T07:00:00Z', NOW)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelayMs('garbage', NOW)).toBe(MIN_REFRESH_DELAY_MS);
  });

  it('counts whole seconds down to zero', () => {
    expect(secondsUntil('2020-02-10T08:01:00Z', NOW)).toBe(60);
    expect(secondsUntil('2020-02-10T08:00:00.400Z', NOW)).toBe(1);
    expect(secondsUntil('2020-02-10T07:59:00Z', NOW)).toBe(0);
  });

  it('knows when a token has expired', () => {
    expect(isExpired('2020-02-10T08:00:00Z', NOW)).toBe(true);
    expect(isExpired('2020-02-10T08:00:01Z', NOW)).toBe(false);
    expect(isExpired('nonsense', NOW)).toBe(true);
  });

  it.each([
    [0, '0:00'],
    [9, '0:09'],
    [270, '4:30'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [-5, '0:00'],
  ])('formats %i s as %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});
