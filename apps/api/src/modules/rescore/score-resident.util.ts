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
