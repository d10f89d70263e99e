import type { RiskLevelResponse } from '@healthcode/contracts';
import { getChildren, type Region } from '@healthcode/regions';
import { type RegionRiskLevel, riskLevelAt } from '@healthcode/rules';

export type RiskLevel = RiskLevelResponse['level'];

export interface RegionLevelState {
  /** The decision in force now, set on this very region (not inherited). */
  current: RiskLevelResponse | null;
  /** A level set for a later date. */
  scheduled: RiskLevelResponse | null;
}

/** The decisions that still count (retracted ones do not), in the engine's shape, index for index. */
function engineLevels(history: readonly RiskLevelResponse[]): {
  levels: RegionRiskLevel[];
  entries: RiskLevelResponse[];
} {
  const entries = history.filter((l) => !l.retractedAt);
  const levels = entries.map((l) => ({
    region: l.region,
    level: l.level,
    from: l.effectiveFrom,
    to: l.effectiveTo,
    decidedAt: l.decidedAt,
  }));
  return { levels, entries };
}

/**
 * Per region code: the decision in force at `now` on that very region, as `libs/rules` resolves it (the console
 * never decides which level applies itself), and the next scheduled one.
 */
export function levelsByRegion(history: readonly RiskLevelResponse[], now: number): Map<string, RegionLevelState> {
  const { levels, entries } = engineLevels(history);
  const out = new Map<string, RegionLevelState>();
  for (const region of new Set(entries.map((l) => l.region))) {
    const own = levels.filter((l) => l.region === region);
    const ownEntries = entries.filter((l) => l.region === region);
    const decision = riskLevelAt(own, region, new Date(now));
    const upcoming = ownEntries
      .filter((l) => Date.parse(l.effectiveFrom) > now)
      .sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom))[0];
    out.set(region, {
      current: decision.entry === null ? null : ownEntries[decision.entry],
      scheduled: upcoming ?? null,
    });
  }
  return out;
}

/** The level that applies to a region today and the prefix that set it, from `libs/rules`; null when none does. */
export function levelToday(
  history: readonly RiskLevelResponse[],
  code: string,
  now: number,
): { level: RiskLevel; setOn: string } | null {
  const decision = riskLevelAt(engineLevels(history).levels, code, new Date(now));
  return decision.prefix === null ? null : { level: decision.level, setOn: decision.prefix };
}

export interface RegionNode {
  key: string;
  region: Region;
  children?: RegionNode[];
  isLeaf?: boolean;
}

/** Province → city → district, the whole country (out-of-scope regions are shown but not editable). */
export function regionNodes(parent: string | null = null): RegionNode[] {
  return getChildren(parent).map((region) => {
    const children = region.level === 'district' ? [] : regionNodes(region.code);
    return { key: region.code, region, ...(children.length > 0 ? { children } : { isLeaf: true }) };
  });
}
