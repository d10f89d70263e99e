import type { RescoreRunResponse } from '@healthcode/contracts';

/** Whole percent done; a finished run is 100 even when it had nobody to score. */
export function runPercent(run: Pick<RescoreRunResponse, 'state' | 'done' | 'total'>): number {
  if (run.state === 'finished') return 100;
  if (run.total <= 0) return 0;
  return Math.min(99, Math.floor((run.done / run.total) * 100));
}

/** "1 min 5 s", "12 s": ETA for people, not for machines. */
export function formatDuration(seconds: number | null, units: { min: string; s: string }): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return minutes > 0 ? `${minutes} ${units.min} ${rest} ${units.s}` : `${rest} ${units.s}`;
}
