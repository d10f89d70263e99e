import { type CompiledRuleSet, compileRuleSet } from './compile-rule-set';
import type { EvaluationFacts, RegionRiskLevel } from './facts.types';
import type { EvaluationResult } from './result.types';
import type { RuleSet } from './rule-set.types';

const NO_RISK_LEVELS: readonly RegionRiskLevel[] = Object.freeze([]);

interface CacheEntry {
  readonly compiled: CompiledRuleSet;
  // Cheap guards against the most common mutation (appending); inputs are meant to be immutable.
  readonly version: number;
  readonly ruleCount: number;
  readonly riskLevelCount: number;
}

const compiledCache = new WeakMap<RuleSet, WeakMap<readonly RegionRiskLevel[], CacheEntry>>();

function compiledFor(ruleSet: RuleSet, riskLevels: readonly RegionRiskLevel[]): CompiledRuleSet {
  let byRiskLevels = compiledCache.get(ruleSet);
  if (!byRiskLevels) {
    byRiskLevels = new WeakMap();
    compiledCache.set(ruleSet, byRiskLevels);
  }
  const entry = byRiskLevels.get(riskLevels);
  if (
    entry &&
    entry.version === ruleSet.version &&
    entry.ruleCount === ruleSet.rules.length &&
    entry.riskLevelCount === riskLevels.length
  ) {
    return entry.compiled;
  }
  const compiled = compileRuleSet(ruleSet, riskLevels);
  byRiskLevels.set(riskLevels, {
    compiled,
    version: ruleSet.version,
    ruleCount: ruleSet.rules.length,
    riskLevelCount: riskLevels.length,
  });
  return compiled;
}

/**
 * Scores one resident: colour, reasons, when it turns green and what the resident can do.
 * Pure and deterministic: `now` is a parameter (a Date, an ISO date-time or a 'YYYY-MM-DD'
 * day; days are UTC+8). The compiled form of (ruleSet, facts.riskLevels) is cached by object
 * identity, so pass the same, unmodified objects when scoring many residents — or use
 * `compileRuleSet` directly.
 */
export function evaluate(ruleSet: RuleSet, facts: EvaluationFacts, now: Date | string): EvaluationResult {
  return compiledFor(ruleSet, facts.riskLevels ?? NO_RISK_LEVELS).evaluate(facts, now);
}
