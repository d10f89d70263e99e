// Calendar arithmetic on "day numbers" (days since 1970-01-01), so dates are parsed once
// and compared as integers. Days are China Standard Time (UTC+8) calendar days.

const MS_PER_DAY = 86_400_000;
const UTC8_OFFSET_MS = 8 * 3_600_000;

export type DayNumber = number;

/** Howard Hinnant's days_from_civil: proleptic Gregorian, no Date object needed. */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: DayNumber): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** 'YYYY-MM-DD' → day number, or null if malformed or not a real date. */
export function parseIsoDate(text: unknown): DayNumber | null {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(days: DayNumber): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * 'YYYY-MM-DD' (midnight UTC+8) or an ISO date-time → milliseconds since the epoch.
 * A date-time without an offset is read as UTC+8.
 */
export function parseIsoInstant(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const date = parseIsoDate(text);
  if (date !== null) return date * MS_PER_DAY - UTC8_OFFSET_MS;
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const day = parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (day === null || hour > 24 || minute > 59 || second > 60) return null;
  if (hour === 24 && (minute !== 0 || second !== 0)) return null;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offsetMs = UTC8_OFFSET_MS;
  if (m[8] === 'Z') offsetMs = 0;
  else if (m[8] !== undefined) {
    const sign = m[8][0] === '-' ? -1 : 1;
    const raw = m[8].slice(1).replace(':', '');
    offsetMs = sign * (Number(raw.slice(0, 2)) * 60 + Number(raw.slice(2))) * 60_000;
  }
  return day * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs;
}

/** The UTC+8 calendar day an instant falls on. */
export function dayOfInstant(epochMs: number): DayNumber {
  return Math.floor((epochMs + UTC8_OFFSET_MS) / MS_PER_DAY);
}

/** `now` as given to `evaluate` → the UTC+8 day it falls on, or null if unusable. */
export function dayOfNow(now: Date | string): DayNumber | null {
  if (now instanceof Date) {
    const ms = now.getTime();
    return Number.isFinite(ms) ? dayOfInstant(ms) : null;
  }
  const date = parseIsoDate(now);
  if (date !== null) return date;
  const ms = parseIsoInstant(now);
  return ms === null ? null : dayOfInstant(ms);
}
