import { type DayNumber, dayOfInstant, parseIsoInstant } from './date.util';
import type { RegionRiskLevel, RiskLevel } from './facts.types';
import { isRegionPrefix, regionPrefixes } from './region-code.util';
import { RulesException } from './rules.exception';

const SEVERITY: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };
const BY_SEVERITY: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** A stretch of days (both ends inclusive, ±Infinity when open) with one effective level. */
export interface RiskSegment {
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly level: RiskLevel;
}

export interface LevelRun {
  readonly first: DayNumber;
  readonly last: DayNumber;
}

export interface RiskLevelIndex {
  /** The region's effective levels over all time, in order, adjacent segments differing. */
  timeline(region: string): readonly RiskSegment[];
  levelOn(region: string, day: DayNumber): RiskLevel;
  segmentOn(region: string, day: DayNumber): RiskSegment;
  /** First and last day within [from, to] on which the region had exactly `level`. */
  findLevel(region: string, from: DayNumber, to: DayNumber, level: RiskLevel): LevelRun | null;
}

interface DayInterval {
  readonly first: DayNumber;
  readonly last: DayNumber;
  readonly severity: number;
}

const ALWAYS_LOW: readonly RiskSegment[] = [{ start: -Infinity, end: Infinity, level: 'low' }];

function toDayInterval(entry: RegionRiskLevel, index: number): DayInterval {
  const where = `riskLevels[${index}]`;
  if (!isRegionPrefix(entry.region))
    throw new RulesException(`Malformed region prefix at ${where}.region`, 'INVALID_RISK_LEVEL');
  if (!(entry.level in SEVERITY)) throw new RulesException(`Unknown level at ${where}.level`, 'INVALID_RISK_LEVEL');
  const fromMs = parseIsoInstant(entry.from);
  if (fromMs === null) throw new RulesException(`Malformed date at ${where}.from`, 'INVALID_RISK_LEVEL');
  if (entry.to === null) return { first: dayOfInstant(fromMs), last: Infinity, severity: SEVERITY[entry.level] };
  const toMs = parseIsoInstant(entry.to);
  if (toMs === null || toMs <= fromMs)
    throw new RulesException(`Malformed or empty interval at ${where}.to`, 'INVALID_RISK_LEVEL');
  // Half-open [from, to): a day counts if any moment of it is covered.
  return { first: dayOfInstant(fromMs), last: dayOfInstant(toMs - 1), severity: SEVERITY[entry.level] };
}

function levelAt(day: DayNumber, bySpecificity: readonly (readonly DayInterval[])[]): RiskLevel {
  for (const intervals of bySpecificity) {
    let severity = -1;
    // Overlapping intervals of one prefix (e.g. a change in the middle of a day): the most severe wins.
    for (const interval of intervals) {
      if (interval.first <= day && day <= interval.last && interval.severity > severity) severity = interval.severity;
    }
    if (severity >= 0) return BY_SEVERITY[severity];
  }
  return 'low';
}

function buildTimeline(bySpecificity: readonly (readonly DayInterval[])[]): readonly RiskSegment[] {
  const boundaries = new Set<number>();
  for (const intervals of bySpecificity) {
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
    const level = levelAt(start, bySpecificity);
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

  const timeline = (region: string): readonly RiskSegment[] => {
    let segments = timelines.get(region);
    if (segments === undefined) {
      segments = buildTimeline(regionPrefixes(region).map((prefix) => byPrefix.get(prefix) ?? []));
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

  return { timeline, segmentOn, levelOn: (region, day) => segmentOn(region, day).level, findLevel };
}
