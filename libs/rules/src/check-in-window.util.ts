import type { RuleSet } from './rule-set.types';

/**
 * How many days of check-ins before today an evaluation under `ruleSet` can read: the longest run of healthy
 * check-ins any rule or regional override requires (a streak ends today or yesterday and counts back at most
 * that far). Callers load check-ins since `today - checkInWindowDays(ruleSet)`: fewer would make a long
 * requirement impossible to meet, more is wasted reading.
 */
export function checkInWindowDays(ruleSet: RuleSet): number {
  const required = (params: object | undefined) =>
    params && 'checkInsRequired' in params && typeof params.checkInsRequired === 'number' ? params.checkInsRequired : 0;
  const fromRules = ruleSet.rules.map((rule) => required(rule.params));
  const fromOverrides = Object.values(ruleSet.regionOverrides).flatMap((byRule) =>
    Object.values(byRule).map((patch) => required(patch)),
  );
  return Math.max(1, ...fromRules, ...fromOverrides);
}
