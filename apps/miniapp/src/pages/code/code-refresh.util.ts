/** Fetch a fresh token this long before the current one expires, so a scan never meets an expired code. */
export const REFRESH_LEAD_MS = 30_000;
/** Never refresh more often than this, even when the token is short-lived or the clock is off. */
export const MIN_REFRESH_DELAY_MS = 5_000;

/** Milliseconds from `now` until the code should be fetched again. */
export function refreshDelayMs(tokenExpiresAt: string, now: number): number {
  const expiresAt = Date.parse(tokenExpiresAt);
  if (Number.isNaN(expiresAt)) return MIN_REFRESH_DELAY_MS;
  return Math.max(MIN_REFRESH_DELAY_MS, expiresAt - REFRESH_LEAD_MS - now);
}

/** Whole seconds left until `iso` (never negative). */
export function secondsUntil(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

export function isExpired(tokenExpiresAt: string, now: number): boolean {
  const at = Date.parse(tokenExpiresAt);
  return Number.isNaN(at) || at <= now;
}

/** `m:ss`, or `h:mm:ss` from an hour up. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
