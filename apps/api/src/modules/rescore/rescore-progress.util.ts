export interface RunProgress {
  done: number;
  total: number;
  /** Residents per second since the first range was dispatched. */
  rate: number;
  /** Seconds left at the current rate; null before any progress or when finished. */
  etaSeconds: number | null;
}

export function runProgress(
  done: number,
  total: number,
  since: Date | null,
  now: Date,
  finishedAt: Date | null = null,
): RunProgress {
  const elapsed = since ? Math.max(0.001, ((finishedAt ?? now).getTime() - since.getTime()) / 1000) : 0;
  const rate = elapsed > 0 ? Math.round(done / elapsed) : 0;
  const left = Math.max(0, total - done);
  return { done, total, rate, etaSeconds: finishedAt || left === 0 ? 0 : rate > 0 ? Math.ceil(left / rate) : null };
}
