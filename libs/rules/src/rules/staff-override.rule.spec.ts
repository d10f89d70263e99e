import { DEFAULT_RULE_SET } from '../default-rule-set.constant';
import type { RuleSet } from '../rule-set.types';
import { RulesException } from '../rules.exception';
import { checkIns, day, score } from '../testing/scoring.fixture';

const override = (
  color: 'green' | 'yellow' | 'red',
  untilOffset: number,
  reason = 'Reviewed by the community office',
  ref = 'ovr-1',
) => ({
  color,
  until: day(untilOffset),
  reason,
  ref,
});

describe('staff-override rule', () => {
  it('can raise a green code, until its end date', () => {
    const result = score({ staffOverrides: [override('red', 5, '密切接触者待核实 / contact being checked')] });
    expect(result.color).toBe('red');
    expect(result.greenAt).toBe(day(5));
    expect(result.greenWhen?.en).toBe(`When the staff override ends on ${day(5)}`);
    expect(result.reasons).toEqual([
      {
        ruleId: 'staff-override',
        ruleVersion: 1,
        color: 'red',
        template: 'reason.staff-override',
        params: { color: 'red', until: day(5), reason: '密切接触者待核实 / contact being checked' },
        text: {
          'zh-CN': `工作人员设为红码至${day(5)}：“密切接触者待核实 / contact being checked”`,
          en: `Set to red by staff until ${day(5)}: “密切接触者待核实 / contact being checked”`,
        },
        fact: {
          source: 'staff-override',
          kind: 'override',
          color: 'red',
          until: day(5),
          reason: '密切接触者待核实 / contact being checked',
          ref: 'ovr-1',
        },
        since: null,
        until: day(5),
        suppressed: false,
        checkIns: null,
      },
    ]);
    expect(result.steps.map((step) => step.id)).toEqual(['staff-override', 'appeal']);
  });

  it('can lower a colour; the other reasons stay listed, suppressed', () => {
    const result = score({
      symptoms: [{ symptom: 'fever', onset: day(-2) }],
      stays: [{ region: '420106', from: day(-9), to: day(-6) }],
      staffOverrides: [override('green', 3)],
    });
    expect(result.color).toBe('green');
    expect(result.greenAt).toBeNull();
    expect(result.greenWhen).toBeNull();
    expect(result.reasons.map((reason) => [reason.ruleId, reason.color, reason.suppressed])).toEqual([
      ['staff-override', 'green', false],
      ['high-risk-region', 'red', true],
      ['symptoms', 'yellow', true],
    ]);
    // They apply again once the override ends, so check-ins still matter.
    expect(result.steps.map((step) => step.id)).toEqual(['staff-override', 'check-ins']);
  });

  it('decides the colour even when the reasons are more severe, and greenAt waits for them too', () => {
    const result = score({
      closeContacts: [{ date: day(-2), ref: 'r' }],
      staffOverrides: [override('yellow', 3)],
      checkIns: checkIns(-1, 0),
    });
    expect(result.color).toBe('yellow');
    expect(result.greenAt).toBe(day(12));
    expect(result.reasons.find((reason) => reason.ruleId === 'close-contact')).toMatchObject({
      suppressed: true,
      until: day(12),
    });
  });

  it('sets greenAt by its own end when that comes last', () => {
    const result = score({ symptoms: [{ symptom: 'fever', onset: day(-2) }], staffOverrides: [override('red', 30)] });
    expect(result).toMatchObject({ color: 'red', greenAt: day(30) });
  });

  it('no longer applies from its until-date', () => {
    expect(score({ staffOverrides: [override('red', 0)] }).color).toBe('green');
    expect(score({ staffOverrides: [override('red', -3)] }).reasons).toEqual([]);
    expect(score({ staffOverrides: [override('red', 1)] }).color).toBe('red');
  });

  it('with several in force, lets the most severe decide, then the latest', () => {
    const result = score({
      staffOverrides: [override('green', 9, 'a', 'o1'), override('red', 2, 'b', 'o2'), override('red', 4, 'c', 'o3')],
    });
    expect(result.color).toBe('red');
    expect(
      result.reasons.map((reason) => [reason.fact.kind === 'override' && reason.fact.ref, reason.suppressed]),
    ).toEqual([
      ['o3', false],
      ['o2', true],
      ['o1', true],
    ]);
    // After o3 ends, o2 has ended too and the green one decides: green from day 4.
    expect(result.greenAt).toBe(day(4));
  });

  it('is ignored by a rule set without the staff-override rule', () => {
    const ruleSet: RuleSet = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.filter((rule) => rule.kind !== 'staff-override'),
    };
    expect(score({ staffOverrides: [override('red', 5)] }, { ruleSet }).color).toBe('green');
  });

  it('refuses an unknown colour or a malformed date', () => {
    expect(() => score({ staffOverrides: [{ ...override('red', 5), color: 'blue' as never }] })).toThrow(
      RulesException,
    );
    expect(() => score({ staffOverrides: [{ ...override('red', 5), until: 'next week' }] })).toThrow(
      'staffOverrides[0].until',
    );
  });
});
