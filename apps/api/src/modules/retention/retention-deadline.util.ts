const DAY_MS = 86_400_000;

/** The first instant a record made at `at` may be purged when kept `days` days. */
export function deleteAt(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Records made before this instant are past their retention at `now`. */
export function purgeCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
