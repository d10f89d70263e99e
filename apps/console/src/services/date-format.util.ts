/** "2026-11-20 10:00" in China Standard Time, the time zone every date in the system is read in. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const cst = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
}

/** The CST calendar date of an instant (ISO dates pass through). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return formatDateTime(iso).slice(0, 10);
}
