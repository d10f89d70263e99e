import { checkInWindowDays } from './check-in-window.util';
import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { evaluate } from './evaluate';
import type { CheckInFact } from './facts.types';
import type { RuleSet } from './rule-set.types';
import { TODAY, checkIns, day } from './testing/scoring.fixture';

/** The default rules with the symptom rule asking for `checkInsRequired` healthy days within `withinDays`. */
function symptomRules(checkInsRequired: number, withinDays: number): RuleSet {
  return {
    ...DEFAULT_RULE_SET,
    rules: DEFAULT_RULE_SET.rules.map((r) =>
      r.kind === 'symptoms' ? { ...r, params: { ...r.params, checkInsRequired, withinDays } } : r,
    ),
  } as RuleSet;
}

const since = (all: CheckInFact[], days: number) => all.filter((c) => c.date >= day(-days));

describe('checkInWindowDays', () => {
  it('is the longest check-in run the rules require', () => {
    expect(checkInWindowDays(DEFAULT_RULE_SET)).toBe(14);
    expect(checkInWindowDays(symptomRules(90, 120))).toBe(90);
  });

  it('counts regional overrides too', () => {
    const ruleSet = { ...DEFAULT_RULE_SET, regionOverrides: { '4201': { 'case-status': { checkInsRequired: 30 } } } };
    expect(checkInWindowDays(ruleSet as RuleSet)).toBe(30);
  });

  it('loads enough check-ins for a rule that needs 90 (a fixed 60-day window never turns it green)', () => {
    const ruleSet = symptomRules(90, 120);
    const facts = (c: CheckInFact[]) => ({ symptoms: [{ symptom: 'fever' as const, onset: day(-100) }], checkIns: c });
    const all = checkIns(-99, 0);
    const full = evaluate(ruleSet, facts(all), TODAY);
    expect(full.color).toBe('green');
    expect(evaluate(ruleSet, facts(since(all, checkInWindowDays(ruleSet))), TODAY)).toEqual(full);
    expect(evaluate(ruleSet, facts(since(all, 60)), TODAY).color).toBe('yellow');
  });

  it('gives the same result as every check-in for the default rules, mid-way through a run', () => {
    const facts = (c: CheckInFact[]) => ({ symptoms: [{ symptom: 'cough' as const, onset: day(-20) }], checkIns: c });
    const all = [...checkIns(-19, -12, false), ...checkIns(-11, -1)];
    expect(evaluate(DEFAULT_RULE_SET, facts(since(all, checkInWindowDays(DEFAULT_RULE_SET))), TODAY)).toEqual(
      evaluate(DEFAULT_RULE_SET, facts(all), TODAY),
    );
  });
});
