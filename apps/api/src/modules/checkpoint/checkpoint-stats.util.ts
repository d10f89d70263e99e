import type { CheckpointHourlyCount } from '@healthcode/contracts';

const HOUR_MS = 3_600_000;

/** `YYYY-MM-DD HH` of a UTC instant: the key the repository groups scans by. */
export function hourKey(t: Date): string {
  const iso = t.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 13)}`;
}

/** One entry per UTC hour from the hour of `from` up to `to` (exclusive), zero where nothing was scanned. */
export function hourlyBuckets(
  from: Date,
  to: Date,
  byHour: ReadonlyMap<string, { admitted: number; refused: number }>,
): CheckpointHourlyCount[] {
  const out: CheckpointHourlyCount[] = [];
  for (let t = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS; t < to.getTime(); t += HOUR_MS) {
    const start = new Date(t);
    out.push({ hour: start.toISOString(), ...(byHour.get(hourKey(start)) ?? { admitted: 0, refused: 0 }) });
  }
  return out;
}
