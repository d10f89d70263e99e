import { type DayNumber, dayOfInstant, dayOfNow, parseIsoInstant } from './date.util';
import type { RegionRiskLevel, RiskLevel } from './facts.types';
import { isRegionPrefix, regionPrefixes } from './region-code.util';
import { RulesException } from './rules.exception';

const SEVERITY: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** A stretch of days (both ends inclusive, ±Infinity when open) with one effective level. */
export interface RiskSegment {
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly level: RiskLevel;
}

/** Which decision sets a region's level on a day: its prefix and its position in the input list. */
export interface RiskDecision {
  readonly level: RiskLevel;
  readonly prefix: string | null;
  readonly entry: number | null;
}

export interface LevelRun {
  readonly first: DayNumber;
  readonly last: DayNumber;
}

export interface RiskLevelIndex {
  /** The region's effective levels over all time, in order, adjacent segments differing. */
  timeline(region: string): readonly RiskSegment[];
  levelOn(region: string, day: DayNumber): RiskLevel;
  /** The level on a day and the decision that set it (null: no decision covers the day, so low). */
  decisionOn(region: string, day: DayNumber): RiskDecision;
  segmentOn(region: string, day: DayNumber): RiskSegment;
  /** First and last day within [from, to] on which the region had exactly `level`. */
  findLevel(region: string, from: DayNumber, to: DayNumber, level: RiskLevel): LevelRun | null;
}

interface DayInterval {
  readonly first: DayNumber;
  readonly last: DayNumber;
  readonly level: RiskLevel;
  /** Which of two intervals covering the same day wins: the larger rank (see `laterDecision`). */
  readonly rank: readonly number[];
  /** Position of the entry in the input list. */
  readonly index: number;
}

/**
 * For any day, the latest decision wins: the decision taking effect on the later day, and among decisions taking
 * effect on the same day the one decided last (`decidedAt`; without it, the later start, then the later entry).
 * So a lowering decided for the day a raise took effect lowers that whole day, and retracting a decision (leaving
 * it out) brings back whatever it had replaced.
 */
function laterDecision(a: DayInterval, b: DayInterval): boolean {
  for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] > b.rank[i];
  return false;
}

const ALWAYS_LOW: readonly RiskSegment[] = [{ start: -Infinity, end: Infinity, level: 'low' }];

function toDayInterval(entry: RegionRiskLevel, index: number): DayInterval {
  const where = `riskLevels[${index}]`;
  if (!isRegionPrefix(entry.region))
    throw new RulesException(`Malformed region prefix at ${where}.region`, 'INVALID_RISK_LEVEL');
  if (!(entry.level in SEVERITY)) throw new RulesException(`Unknown level at ${where}.level`, 'INVALID_RISK_LEVEL');
  const fromMs = parseIsoInstant(entry.from);
  if (fromMs === null) throw new RulesException(`Malformed date at ${where}.from`, 'INVALID_RISK_LEVEL');
  let decidedMs = -Infinity;
  if (entry.decidedAt !== undefined && entry.decidedAt !== null) {
    const parsed = parseIsoInstant(entry.decidedAt);
    if (parsed === null) throw new RulesException(`Malformed date at ${where}.decidedAt`, 'INVALID_RISK_LEVEL');
    decidedMs = parsed;
  }
  const first = dayOfInstant(fromMs);
  const rank = [first, decidedMs, fromMs, index];
  if (entry.to === null) return { first, last: Infinity, level: entry.level, rank, index };
  const toMs = parseIsoInstant(entry.to);
  if (toMs === null || toMs <= fromMs)
    throw new RulesException(`Malformed or empty interval at ${where}.to`, 'INVALID_RISK_LEVEL');
  // Half-open [from, to): a day counts if any moment of it is covered.
  return { first, last: dayOfInstant(toMs - 1), level: entry.level, rank, index };
}

interface PrefixIntervals {
  readonly prefix: string;
  readonly intervals: readonly DayInterval[];
}

function decisionAt(day: DayNumber, bySpecificity: readonly PrefixIntervals[]): RiskDecision {
  for (const { prefix, intervals } of bySpecificity) {
    let winner: DayInterval | null = null;
    for (const interval of intervals) {
      if (interval.first <= day && day <= interval.last && (winner === null || laterDecision(interval, winner)))
        winner = interval;
    }
    if (winner !== null) return { level: winner.level, prefix, entry: winner.index };
  }
  return { level: 'low', prefix: null, entry: null };
}

function buildTimeline(bySpecificity: readonly PrefixIntervals[]): readonly RiskSegment[] {
  const boundaries = new Set<number>();
  for (const { intervals } of bySpecificity) {
    for (const interval of intervals) {
      boundaries.add(interval.first);
      if (interval.last !== Infinity) boundaries.add(interval.last + 1);
    }
  }
  if (boundaries.size === 0) return ALWAYS_LOW;
  const sorted = [...boundaries].sort((a, b) => a - b);
  const segments: RiskSegment[] = [{ start: -Infinity, end: sorted[0] - 1, level: 'low' }];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    const end = i + 1 < sorted.length ? sorted[i + 1] - 1 : Infinity;
    const level = decisionAt(start, bySpecificity).level;
    const previous = segments[segments.length - 1];
    if (previous.level === level) segments[segments.length - 1] = { start: previous.start, end, level };
    else segments.push({ start, end, level });
  }
  return segments;
}

function segmentIndex(segments: readonly RiskSegment[], day: DayNumber): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid].start <= day) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Parses and indexes risk levels once; timelines are built lazily per region and kept. */
export function compileRiskLevels(levels: readonly RegionRiskLevel[]): RiskLevelIndex {
  const byPrefix = new Map<string, DayInterval[]>();
  levels.forEach((entry, index) => {
    const interval = toDayInterval(entry, index);
    const list = byPrefix.get(entry.region);
    if (list) list.push(interval);
    else byPrefix.set(entry.region, [interval]);
  });
  const timelines = new Map<string, readonly RiskSegment[]>();
  const specificity = (region: string): PrefixIntervals[] =>
    regionPrefixes(region).map((prefix) => ({ prefix, intervals: byPrefix.get(prefix) ?? [] }));

  const timeline = (region: string): readonly RiskSegment[] => {
    let segments = timelines.get(region);
    if (segments === undefined) {
      segments = buildTimeline(specificity(region));
      timelines.set(region, segments);
    }
    return segments;
  };

  const segmentOn = (region: string, day: DayNumber): RiskSegment => {
    const segments = timeline(region);
    return segments[segmentIndex(segments, day)];
  };

  const findLevel = (region: string, from: DayNumber, to: DayNumber, level: RiskLevel): LevelRun | null => {
    if (from > to) return null;
    const segments = timeline(region);
    let first = Infinity;
    let last = -Infinity;
    for (let i = segmentIndex(segments, from); i < segments.length && segments[i].start <= to; i++) {
      const segment = segments[i];
      if (segment.level !== level) continue;
      if (first === Infinity) first = Math.max(from, segment.start);
      last = Math.min(to, segment.end);
    }
    return first === Infinity ? null : { first, last };
  };

  return {
    timeline,
    segmentOn,
    levelOn: (region, day) => segmentOn(region, day).level,
    decisionOn: (region, day) => decisionAt(day, specificity(region)),
    findLevel,
  };
}

/**
 * "The level today" for a region as the engine sees it, for screens that show it (the console never resolves
 * levels itself): the level in force on the CST day of `at`, and the decision that set it (prefix, list position).
 */
export function riskLevelAt(levels: readonly RegionRiskLevel[], region: string, at: Date | string): RiskDecision {
  const day = dayOfNow(at);
  if (day === null) throw new RulesException('Malformed time for riskLevelAt', 'INVALID_RISK_LEVEL');
  return compileRiskLevels(levels).decisionOn(region, day);
}
