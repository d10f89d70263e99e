/** The highest possible id: the exclusive end of a run's last range (UUIDv7 never reaches it). */
export const MAX_RESIDENT_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export interface ResidentRange {
  rangeStart: string;
  rangeEnd: string;
  residents: number;
}

/**
 * Cuts sorted range starts (every `size`-th id, as the database returns them) into half-open ranges
 * `[start, nextStart)`; the last one runs to MAX_RESIDENT_ID. `total` is the number of ids overall.
 */
export function rangesFromStarts(starts: string[], total: number, size: number): ResidentRange[] {
  return starts.map((rangeStart, i) => ({
    rangeStart,
    rangeEnd: starts[i + 1] ?? MAX_RESIDENT_ID,
    residents: i < starts.length - 1 ? size : total - size * (starts.length - 1),
  }));
}

/** The Bull job id of a range: deterministic, so enqueueing it again (after a Redis flush) adds nothing twice. */
export function rangeJobId(runId: string, rangeStart: string): string {
  return `rescore:${runId}:${rangeStart}`;
}
