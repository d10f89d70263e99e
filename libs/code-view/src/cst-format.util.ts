import { cstDate, daysBetween, isIsoDate } from '@healthcode/contracts';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The CST calendar day of an ISO date or instant; unparseable input comes back unchanged. */
export function formatDay(iso: string): string {
  if (isIsoDate(iso)) return iso;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : cstDate(new Date(time));
}

/** `YYYY-MM-DD HH:mm` in China time, the way residents read times on notices. */
export function formatDateTime(iso: string): string {
  if (isIsoDate(iso)) return iso;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const shifted = new Date(time + CST_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** Whole CST calendar days from `now` until the day of `iso` (0 today, negative when past). */
export function daysFromToday(iso: string, now: Date): number {
  return daysBetween(cstDate(now), formatDay(iso));
}
