import { type CheckInIndex, indexCheckIns } from './check-in-streak.util';
import { combineReasons } from './combine-reasons.util';
import { type DayNumber, dayOfNow, formatIsoDate } from './date.util';
import { deepFreeze } from './deep-freeze.util';
import { factRegion } from './fact-field.util';
import type { RegionRiskLevel, ResidentFacts } from './facts.types';
import { greenOutlook } from './green-outlook.util';
import type { EvaluationResult } from './result.types';
import { compileRiskLevels } from './risk-level.util';
import type { FindingSink, RuleContext, RuleKindImpl } from './rule-context.types';
import { createParamsResolver } from './rule-params.util';
import type { RuleKind, RuleSet } from './rule-set.types';
import { RULE_KIND_IMPLS } from './rules/rule-kinds.constant';
import { RulesException } from './rules.exception';
import { buildSteps } from './steps.util';
import { validateRuleSet } from './validate-rule-set.util';

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  /** Scores one resident; `now` is an instant (a Date or ISO date-time) or a 'YYYY-MM-DD' day, read in UTC+8. */
  evaluate(facts: ResidentFacts, now: Date | string): EvaluationResult;
}

/**
 * Validates the rule set and indexes the risk levels once, for scoring many residents
 * against the same rules and levels. Throws a RulesException on an invalid rule set or risk level.
 */
export function compileRuleSet(ruleSet: RuleSet, riskLevels: readonly RegionRiskLevel[] = []): CompiledRuleSet {
  const errors = validateRuleSet(ruleSet);
  if (errors.length > 0) {
    const first = errors[0];
    throw new RulesException(
      `Invalid rule set (${errors.length} problem(s)); first: ${first.path} ${first.message}`,
      'INVALID_RULE_SET',
    );
  }
  const risk = compileRiskLevels(riskLevels);
  const params = createParamsResolver(ruleSet);
  const rules = ruleSet.rules.map((rule) => ({ rule, impl: RULE_KIND_IMPLS[rule.kind] as RuleKindImpl<RuleKind> }));

  let lastNow: Date | string | number | undefined;
  let lastToday: DayNumber = 0;
  let greenDay: DayNumber | undefined;
  let greenToday: EvaluationResult | undefined;

  const toDay = (now: Date | string): DayNumber => {
    const key = now instanceof Date ? now.getTime() : now;
    if (key !== lastNow) {
      const day = dayOfNow(now);
      if (day === null) throw new RulesException('Malformed now', 'INVALID_NOW');
      lastNow = key;
      lastToday = day;
    }
    return lastToday;
  };

  // Most residents are green: they share one frozen result per day.
  const green = (today: DayNumber): EvaluationResult => {
    if (greenToday === undefined || greenDay !== today) {
      greenDay = today;
      greenToday = deepFreeze<EvaluationResult>({
        color: 'green',
        reasons: [],
        greenAt: null,
        greenWhen: null,
        greenWhenParts: null,
        steps: [],
        ruleVersion: ruleSet.version,
        evaluatedOn: formatIsoDate(today),
      });
    }
    return greenToday;
  };

  return {
    ruleSet,
    evaluate(facts, now) {
      const today = toDay(now);
      const currentRegion = facts.currentRegion == null ? null : factRegion(facts.currentRegion, 'currentRegion');
      const context: RuleContext = { today, facts, currentRegion, risk, params };
      const sink: FindingSink = { findings: [], overrides: [] };
      for (const { rule, impl } of rules) impl.collect(rule as never, context, sink);
      if (sink.findings.length === 0 && sink.overrides.length === 0) return green(today);

      let checkInIndex: CheckInIndex | undefined;
      // Check-ins are read only when a reason needs them, which keeps scoring green residents cheap.
      const checkIns = () => (checkInIndex ??= indexCheckIns(facts.checkIns ?? [], today));
      const combined = combineReasons(sink, { today, ruleVersion: ruleSet.version, checkIns });
      if (combined.reasons.length === 0) return green(today);
      const outlook = greenOutlook(combined);
      return {
        color: combined.color,
        reasons: combined.reasons.map((item) => item.reason),
        greenAt: outlook.greenAt === null ? null : formatIsoDate(outlook.greenAt),
        greenWhen: outlook.greenWhen,
        greenWhenParts: outlook.greenWhenParts,
        steps: buildSteps(combined, outlook, today),
        ruleVersion: ruleSet.version,
        evaluatedOn: formatIsoDate(today),
      };
    },
  };
}
