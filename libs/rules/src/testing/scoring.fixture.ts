import { DEFAULT_RULE_SET } from '../default-rule-set.constant';
import { evaluate } from '../evaluate';
import { formatIsoDate, parseIsoDate } from '../date.util';
import type { CheckInFact, EvaluationFacts, RegionRiskLevel } from '../facts.types';
import type { EvaluationResult } from '../result.types';
import type { RuleSet } from '../rule-set.types';

/** Tests score "today" = 2020-02-20 (UTC+8) unless they say otherwise. */
export const TODAY = '2020-02-20';
const TODAY_DAY = parseIsoDate(TODAY) as number;

/** The date `offset` days from TODAY: day(-3) is three days ago. */
export function day(offset: number): string {
  return formatIsoDate(TODAY_DAY + offset);
}

/** Hubei high-risk, Zhejiang medium-risk with Hangzhou's Shangcheng district low-risk, from long ago. */
export const RISK_LEVELS: readonly RegionRiskLevel[] = [
  { region: '42', level: 'high', from: '2020-01-23', to: null },
  { region: '33', level: 'medium', from: '2020-01-23', to: null },
  { region: '330102', level: 'low', from: '2020-01-23', to: null },
];

/** Healthy check-ins on every day from `fromOffset` to `toOffset` (inclusive). */
export function checkIns(fromOffset: number, toOffset: number, healthy = true): CheckInFact[] {
  const list: CheckInFact[] = [];
  for (let offset = fromOffset; offset <= toOffset; offset++) list.push({ date: day(offset), healthy });
  return list;
}

export function score(
  facts: EvaluationFacts,
  options: { now?: Date | string; ruleSet?: RuleSet } = {},
): EvaluationResult {
  return evaluate(options.ruleSet ?? DEFAULT_RULE_SET, { riskLevels: RISK_LEVELS, ...facts }, options.now ?? TODAY);
}
