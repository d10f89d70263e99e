import type { RiskLevelResponse } from '@healthcode/contracts';
import { getChildren, type Region } from '@healthcode/regions';

export type RiskLevel = RiskLevelResponse['level'];

export interface RegionLevelState {
  /** The level in force now, set on this very region (not inherited). */
  current: RiskLevelResponse | null;
  /** A level set for a later date. */
  scheduled: RiskLevelResponse | null;
}

/** Per region code: the level in force at `now` and the next scheduled one, from the full history. */
export function levelsByRegion(history: readonly RiskLevelResponse[], now: number): Map<string, RegionLevelState> {
  const out = new Map<string, RegionLevelState>();
  for (const entry of history) {
    const from = Date.parse(entry.effectiveFrom);
    const to = entry.effectiveTo ? Date.parse(entry.effectiveTo) : Infinity;
    const state = out.get(entry.region) ?? { current: null, scheduled: null };
    if (from <= now && now < to) {
      if (!state.current || Date.parse(state.current.effectiveFrom) < from) state.current = entry;
    } else if (from > now) {
      if (!state.scheduled || Date.parse(state.scheduled.effectiveFrom) > from) state.scheduled = entry;
    }
    out.set(entry.region, state);
  }
  return out;
}

/** The level that applies to a region: its own, else the nearest ancestor prefix's (most specific wins). */
export function effectiveLevel(
  code: string,
  levels: Map<string, RegionLevelState>,
): { level: RiskLevel; setOn: string } | null {
  for (let length = code.length; length >= 2; length -= 2) {
    const prefix = code.slice(0, length);
    const current = levels.get(prefix)?.current;
    if (current) return { level: current.level, setOn: prefix };
  }
  return null;
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
