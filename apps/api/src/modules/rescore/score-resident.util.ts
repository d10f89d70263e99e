import type { CodeEvaluation } from '@healthcode/contracts';
import type { CompiledRuleSet, RegionRiskLevel } from '@healthcode/rules';

import type { ScoredResident } from '../code/code-diff.util';
import { buildEvaluationFacts, codeRegionOf, type FactSources } from '../code/resident-facts.util';

/** What one resident is scored from: the rows a range read, or the rows a bulk seed has just generated. */
export type ResidentSources = Omit<FactSources, 'riskLevels'> & { id: string };

/**
 * One resident's evaluation and code region, from their stored (or about to be stored) rows: the one scoring step
 * of the range re-score, the what-if preview and the bulk seed, so all three produce the same codes.
 */
export function scoreResident(
  s: ResidentSources,
  compiled: CompiledRuleSet,
  riskLevels: readonly RegionRiskLevel[],
  now: Date,
): ScoredResident {
  const facts = buildEvaluationFacts({ ...s, riskLevels: riskLevels as RegionRiskLevel[] });
  return {
    residentId: s.id,
    region: codeRegionOf(s.resident, s.declarations),
    evaluation: compiled.evaluate(facts, now) as unknown as CodeEvaluation,
  };
}

/**
 * Two residents with the same key get the same evaluation and code region, so a range scores the key once: the
 * key holds every input of the evaluation (home and current region, every declaration) and is null for a resident
 * with check-ins, authority facts or staff overrides, whose evaluations carry references of their own.
 */
export function selfDeclaredKey(s: ResidentSources): string | null {
  if (s.checkIns.length > 0 || s.authority.length > 0 || s.overrides.length > 0) return null;
  return JSON.stringify([s.resident.homeRegion, s.resident.currentRegion, s.declarations]);
}
