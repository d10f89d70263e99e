import { compileRuleSet } from './compile-rule-set';
import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { deepFreeze } from './deep-freeze.util';
import { evaluate } from './evaluate';
import type { EvaluationFacts, RegionRiskLevel } from './facts.types';
import type { RuleSet } from './rule-set.types';
import { RulesException } from './rules.exception';
import { RISK_LEVELS, TODAY, checkIns, day, score } from './testing/scoring.fixture';

describe('evaluate', () => {
  it('is green with no reasons, no date and nothing to do when nothing applies', () => {
    expect(evaluate(DEFAULT_RULE_SET, {}, TODAY)).toEqual({
      color: 'green',
      reasons: [],
      greenAt: null,
      greenWhen: null,
      greenWhenParts: null,
      steps: [],
      ruleVersion: 1,
      evaluatedOn: TODAY,
    });
  });

  it('reads now as a Date, a date-time or a day, in UTC+8', () => {
    const facts = { symptoms: [{ symptom: 'fever' as const, onset: '2020-02-20' }] };
    expect(evaluate(DEFAULT_RULE_SET, facts, new Date('2020-02-19T16:30:00Z'))).toMatchObject({
      color: 'yellow',
      evaluatedOn: '2020-02-20',
    });
    expect(evaluate(DEFAULT_RULE_SET, facts, new Date('2020-02-19T15:30:00Z'))).toMatchObject({
      color: 'green',
      evaluatedOn: '2020-02-19',
    });
    expect(evaluate(DEFAULT_RULE_SET, facts, '2020-02-20T07:00:00+08:00').evaluatedOn).toBe('2020-02-20');
    expect(evaluate(DEFAULT_RULE_SET, facts, '2020-02-20').evaluatedOn).toBe('2020-02-20');
  });

  it('refuses an unusable now, rule set or risk level', () => {
    expect(() => evaluate(DEFAULT_RULE_SET, {}, 'tomorrow')).toThrow(expect.objectContaining({ code: 'INVALID_NOW' }));
    expect(() => evaluate(DEFAULT_RULE_SET, {}, new Date(Number.NaN))).toThrow(RulesException);
    const broken = { ...DEFAULT_RULE_SET, version: 0 } as RuleSet;
    expect(() => evaluate(broken, {}, TODAY)).toThrow(expect.objectContaining({ code: 'INVALID_RULE_SET' }));
    expect(() => evaluate(broken, {}, TODAY)).toThrow('Invalid rule set (1 problem(s)); first: version');
    const riskLevels = [{ region: '3300', level: 'high', from: TODAY, to: null }] as RegionRiskLevel[];
    expect(() => evaluate(DEFAULT_RULE_SET, { riskLevels }, TODAY)).toThrow(
      expect.objectContaining({ code: 'INVALID_RISK_LEVEL' }),
    );
  });

  it('gives the same result through compileRuleSet', () => {
    const facts: EvaluationFacts = {
      currentRegion: '330106',
      stays: [{ region: '420106', from: day(-9), to: day(-4) }],
      symptoms: [{ symptom: 'cough', onset: day(-1) }],
      checkIns: checkIns(-3, -1),
    };
    const compiled = compileRuleSet(DEFAULT_RULE_SET, RISK_LEVELS);
    expect(compiled.ruleSet).toBe(DEFAULT_RULE_SET);
    expect(compiled.evaluate(facts, TODAY)).toEqual(score(facts));
    expect(compiled.evaluate(facts, TODAY)).toEqual(compiled.evaluate(facts, new Date('2020-02-20T12:00:00+08:00')));
  });

  it('notices risk levels appended to an array it has seen before', () => {
    const riskLevels: RegionRiskLevel[] = [];
    const facts = { riskLevels, currentRegion: '420106' };
    expect(evaluate(DEFAULT_RULE_SET, facts, TODAY).color).toBe('green');
    riskLevels.push({ region: '42', level: 'high', from: '2020-01-23', to: null });
    expect(evaluate(DEFAULT_RULE_SET, facts, TODAY).color).toBe('red');
  });

  it('does not modify the facts it is given', () => {
    const facts = deepFreeze<EvaluationFacts>({
      riskLevels: RISK_LEVELS,
      currentRegion: '420106',
      stays: [{ region: '330106', from: day(-5), to: day(-2) }],
      checkIns: checkIns(-2, 0),
      staffOverrides: [{ color: 'yellow', until: day(2), reason: 'r', ref: 'o' }],
    });
    expect(() => evaluate(DEFAULT_RULE_SET, facts, TODAY)).not.toThrow();
  });

  it('orders reasons by severity, then start, and lists suppressed ones last', () => {
    const result = score({
      symptoms: [{ symptom: 'fever', onset: day(-1) }],
      stays: [
        { region: '330106', from: day(-8), to: day(-7) },
        { region: '420106', from: day(-6), to: day(-5) },
      ],
      closeContacts: [{ date: day(-9), ref: 'r' }],
    });
    expect(result.reasons.map((reason) => [reason.color, reason.ruleId, reason.since])).toEqual([
      ['red', 'close-contact', day(-9)],
      ['red', 'high-risk-region', day(-6)],
      ['yellow', 'medium-risk-region', day(-8)],
      ['yellow', 'symptoms', day(-1)],
    ]);
  });

  it('takes greenAt from the reason that ends last, and explains that one', () => {
    const result = score({
      symptoms: [{ symptom: 'fever', onset: day(-1) }],
      stays: [{ region: '420106', from: day(-6), to: day(-5) }],
      checkIns: checkIns(-4, -1),
    });
    expect(result.reasons.map((reason) => reason.until)).toEqual([day(9), day(6)]);
    expect(result.greenAt).toBe(day(9));
    expect(result.greenWhen?.en).toBe(
      `After 14 consecutive healthy daily check-ins (4 done so far): on ${day(9)} if you check in every day`,
    );
    expect(result.steps[0]).toMatchObject({ id: 'check-ins', progress: { done: 4, total: 14 } });
  });

  it('has no greenAt while any reason waits on an event, but still shows check-ins for the others', () => {
    const result = score({
      currentRegion: '420106',
      cases: [{ status: 'suspected', date: day(-2), clearedDate: null, ref: 'c' }],
      symptoms: [{ symptom: 'fever', onset: day(-2) }],
      checkIns: checkIns(-1, 0),
    });
    expect(result.greenAt).toBeNull();
    expect(result.greenWhen).toEqual({
      'zh-CN': '420106不再是高风险地区或您离开该地区后，再连续14天健康打卡；卫生部门解除病例后，再连续14天健康打卡',
      en:
        'Once 420106 is no longer high-risk or you leave it, then after 14 consecutive healthy daily check-ins. ' +
        'Once the health authority clears the case, then after 14 consecutive healthy daily check-ins',
    });
    expect(result.steps.map((step) => step.id)).toEqual([
      'await-region-risk',
      'await-case-clearance',
      'check-ins',
      'appeal',
    ]);
    expect(result.steps[2].progress).toEqual({ done: 2, total: 7 });
  });

  it('mentions the same awaited event once', () => {
    const result = score({ currentRegion: '420106', stays: [{ region: '420106', from: day(-30), to: null }] });
    expect(result.reasons).toHaveLength(2);
    expect(result.steps.map((step) => step.id)).toEqual(['await-region-risk', 'appeal']);
    expect(result.greenWhen?.en.split('. ')).toHaveLength(1);
  });

  it('returns equal results for the same input, green or not', () => {
    const facts: EvaluationFacts = { riskLevels: RISK_LEVELS, closeContacts: [{ date: day(-1), ref: 'r' }] };
    expect(evaluate(DEFAULT_RULE_SET, facts, TODAY)).toEqual(evaluate(DEFAULT_RULE_SET, facts, TODAY));
    expect(evaluate(DEFAULT_RULE_SET, {}, TODAY)).toBe(evaluate(DEFAULT_RULE_SET, {}, TODAY));
    expect(Object.isFrozen(evaluate(DEFAULT_RULE_SET, {}, TODAY))).toBe(true);
  });

  it('reports the version of the rule set used on every reason', () => {
    const ruleSet: RuleSet = { ...DEFAULT_RULE_SET, version: 7 };
    const result = score({ closeContacts: [{ date: day(-1), ref: 'r' }] }, { ruleSet });
    expect(result.ruleVersion).toBe(7);
    expect(result.reasons[0].ruleVersion).toBe(7);
    expect(evaluate(ruleSet, {}, TODAY).ruleVersion).toBe(7);
  });
});
