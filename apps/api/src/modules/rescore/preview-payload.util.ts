import type { RegionRiskLevel, RuleSet } from '@healthcode/rules';

/** What a what-if run evaluates: a candidate rule set and the full list of risk levels it would apply with. */
export interface PreviewPayload {
  ruleSet: RuleSet;
  riskLevels: RegionRiskLevel[];
  /** The draft this previews, if any. */
  ruleSetId: string | null;
}

/**
 * The risk levels as they would stand after `changes`: each change closes the region's open interval at its
 * start, exactly as setting it for real does.
 */
export function applyRiskChanges(
  current: readonly RegionRiskLevel[],
  changes: readonly { region: string; level: RegionRiskLevel['level']; from: string }[],
): RegionRiskLevel[] {
  const out = current.map((l) => ({ ...l }));
  for (const c of changes) {
    for (const l of out)
      if (l.region === c.region && l.to === null && l.from < c.from) (l as { to: string | null }).to = c.from;
    out.push({ region: c.region, level: c.level, from: c.from, to: null });
  }
  return out;
}
