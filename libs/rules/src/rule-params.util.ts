import { regionPrefixes } from './region-code.util';
import type { RuleDefinition, RuleKind, RuleParams, RuleParamsByKind, RuleSet } from './rule-set.types';

/** The override prefixes that apply to a region, least specific first (so later ones win). */
function applicablePrefixes(ruleSet: RuleSet, region: string | null): string[] {
  if (region === null) return [];
  return regionPrefixes(region)
    .reverse()
    .filter((prefix) => Object.prototype.hasOwnProperty.call(ruleSet.regionOverrides, prefix));
}

function mergeParams(ruleSet: RuleSet, rule: RuleDefinition, region: string | null): RuleParams {
  let params: RuleParams = rule.params;
  for (const prefix of applicablePrefixes(ruleSet, region)) {
    const patch = ruleSet.regionOverrides[prefix][rule.id];
    if (patch) params = { ...params, ...patch } as RuleParams;
  }
  return params;
}

/** The prefixes whose overrides changed this rule's parameters for a region, least specific first. */
export function overridingPrefixes(ruleSet: RuleSet, ruleId: string, region: string | null): string[] {
  return applicablePrefixes(ruleSet, region).filter((prefix) => ruleSet.regionOverrides[prefix][ruleId] !== undefined);
}

/**
 * A rule's effective parameters for facts concerning `region` (null: the catalogue defaults).
 * The most specific override wins, parameter by parameter. Undefined for an unknown rule id.
 */
export function resolveRuleParams(ruleSet: RuleSet, ruleId: string, region: string | null): RuleParams | undefined {
  const rule = ruleSet.rules.find((candidate) => candidate.id === ruleId);
  return rule && mergeParams(ruleSet, rule, region);
}

export type ParamsResolver = <K extends RuleKind>(
  rule: { readonly id: string; readonly kind: K; readonly params: RuleParamsByKind[K] },
  region: string | null,
) => RuleParamsByKind[K];

/** A memoising resolver for bulk scoring: each (rule, region) pair is merged once. */
export function createParamsResolver(ruleSet: RuleSet): ParamsResolver {
  const hasOverrides = Object.keys(ruleSet.regionOverrides).length > 0;
  const cache = new Map<string, Map<string, RuleParams>>();
  return ((rule: RuleDefinition, region: string | null) => {
    if (!hasOverrides || region === null) return rule.params;
    let byRegion = cache.get(rule.id);
    if (!byRegion) {
      byRegion = new Map();
      cache.set(rule.id, byRegion);
    }
    let params = byRegion.get(region);
    if (!params) {
      params = mergeParams(ruleSet, rule, region);
      byRegion.set(region, params);
    }
    return params;
  }) as ParamsResolver;
}
