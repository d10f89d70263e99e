import { DEFAULT_RULE_SET } from '../default-rule-set.constant';
import type { CaseFact } from '../facts.types';
import { RulesException } from '../rules.exception';
import type { RuleSet } from '../rule-set.types';
import { checkIns, day, score } from '../testing/scoring.fixture';

const caseFact = (overrides: Partial<CaseFact> = {}): CaseFact => ({
  status: 'confirmed',
  date: day(-5),
  clearedDate: null,
  ref: 'case-0001',
  ...overrides,
});

describe('case-status rule', () => {
  it('is red until the case is cleared, with no date to promise', () => {
    const result = score({ cases: [caseFact()] });
    expect(result.color).toBe('red');
    expect(result.greenAt).toBeNull();
    expect(result.greenWhen?.en).toBe(
      'Once the health authority clears the case, then after 14 consecutive healthy daily check-ins',
    );
    expect(result.steps.map((step) => step.id)).toEqual(['await-case-clearance', 'appeal']);
    expect(result.reasons).toEqual([
      {
        ruleId: 'case-status',
        ruleVersion: 1,
        color: 'red',
        template: 'reason.case.open',
        params: { status: 'confirmed', date: day(-5), clearedDate: null },
        text: {
          'zh-CN': `卫生部门于${day(-5)}登记为确诊病例，尚未解除`,
          en: `A confirmed case recorded by the health authority on ${day(-5)}, not yet cleared`,
        },
        fact: {
          source: 'case-registry',
          kind: 'case',
          status: 'confirmed',
          date: day(-5),
          clearedDate: null,
          ref: 'case-0001',
        },
        since: day(-5),
        until: null,
        suppressed: false,
        checkIns: null,
      },
    ]);
  });

  it('counts suspected cases too', () => {
    expect(score({ cases: [caseFact({ status: 'suspected' })] }).color).toBe('red');
  });

  it('after clearance, turns green after 14 healthy daily check-ins', () => {
    const result = score({ cases: [caseFact({ clearedDate: day(-2) })], checkIns: checkIns(-1, 0) });
    expect(result.color).toBe('red');
    expect(result.greenAt).toBe(day(12));
    expect(result.reasons[0]).toMatchObject({
      template: 'reason.case.cleared',
      until: day(12),
      checkIns: { done: 2, total: 14 },
    });
    expect(result.steps[0]).toMatchObject({ id: 'check-ins', progress: { done: 2, total: 14 } });
    expect(result.steps[0].text.en).toBe(`2 of 14 healthy daily check-ins done; next due by ${day(1)} (tomorrow)`);
  });

  it('is green once the 14th check-in after clearance is in', () => {
    expect(score({ cases: [caseFact({ clearedDate: day(-14) })], checkIns: checkIns(-13, 0) }).color).toBe('green');
    const dueToday = score({ cases: [caseFact({ clearedDate: day(-14) })], checkIns: checkIns(-13, -1) });
    expect(dueToday).toMatchObject({ color: 'red', greenAt: day(0) });
    expect(dueToday.steps[0].text.en).toBe(`13 of 14 healthy daily check-ins done; next due by ${day(0)} (today)`);
  });

  it('stops counting more than 14 days after clearance even without check-ins', () => {
    expect(score({ cases: [caseFact({ clearedDate: day(-15) })] }).color).toBe('green');
    const lastDay = score({ cases: [caseFact({ clearedDate: day(-14) })] });
    expect(lastDay).toMatchObject({ color: 'red', greenAt: day(1) });
    expect(lastDay.steps.map((step) => step.id)).toEqual(['wait', 'appeal']);
  });

  it('ignores statuses the rule set leaves out, and cases recorded in the future', () => {
    const confirmedOnly: RuleSet = {
      ...DEFAULT_RULE_SET,
      regionOverrides: { '33': { 'case-status': { statuses: ['confirmed'] } } },
    };
    expect(
      score({ currentRegion: '330106', cases: [caseFact({ status: 'suspected' })] }, { ruleSet: confirmedOnly }).color,
    ).toBe('green');
    expect(
      score({ currentRegion: '420106', cases: [caseFact({ status: 'suspected' })] }, { ruleSet: confirmedOnly }).color,
    ).toBe('red');
    expect(score({ cases: [caseFact({ date: day(1) })] }).color).toBe('green');
  });

  it('refuses a malformed date, naming the field only', () => {
    const attempt = () => score({ cases: [caseFact(), caseFact({ clearedDate: '2020/02/01' })] });
    expect(attempt).toThrow(RulesException);
    expect(attempt).toThrow('Malformed date at cases[1].clearedDate');
  });
});
