import type { RegionRiskLevel, RuleSet } from '@healthcode/rules';

/** What a what-if run evaluates: a candidate rule set and the full list of risk levels it would apply with. */
export interface PreviewPayload {
  ruleSet: RuleSet;
  riskLevels: RegionRiskLevel[];
  /** The draft this previews, if any. */
  ruleSetId: string | null;
}

/**
 * The risk levels as they would stand after `changes`, decided at `decidedAt`: added as new decisions, exactly as
 * setting them for real does (the engine lets the latest decision win).
 */
export function applyRiskChanges(
  current: readonly RegionRiskLevel[],
  changes: readonly { region: string; level: RegionRiskLevel['level']; from: string }[],
  decidedAt: string,
): RegionRiskLevel[] {
  return [...current, ...changes.map((c) => ({ region: c.region, level: c.level, from: c.from, to: null, decidedAt }))];
}
