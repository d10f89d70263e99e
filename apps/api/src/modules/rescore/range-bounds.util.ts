/**
 * A preview's ranges hold this many times the re-score's residents: a preview range costs a grouped query per
 * range plus fixed work (job, claim, rule compile, tally), and residents with facts of their own are still read at
 * most `rangeSize` at a time (`RangeScorer.preview`). 200k in one process: 3.5-4.1 s with ranges of 2,000, 2.7-2.9 s
 * with ranges of 10,000.
 */
export const PREVIEW_RANGE_FACTOR = 5;

/** How many residents each range of a run holds. */
export function rangeSizeFor(kind: string, rangeSize: number): number {
  return kind === 'preview' ? rangeSize * PREVIEW_RANGE_FACTOR : rangeSize;
}

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
