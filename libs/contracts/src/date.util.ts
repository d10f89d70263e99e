/**
 * Calendar dates are ISO `YYYY-MM-DD` strings in China Standard Time (UTC+8, no daylight saving):
 * a "day" for check-ins, stays and deadlines is the day as residents live it.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The CST calendar date of an instant. */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The instant a CST calendar date begins. */
export function cstMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS);
}
