import { DEFAULT_RULE_SET } from '../default-rule-set.constant';
import type { RuleSet } from '../rule-set.types';
import { checkIns, day, score } from '../testing/scoring.fixture';

describe('close-contact rule', () => {
  it('makes a traced close contact within 14 days red', () => {
    const result = score({ closeContacts: [{ date: day(-3), ref: 'trace-77' }] });
    expect(result.color).toBe('red');
    expect(result.reasons[0]).toMatchObject({
      ruleId: 'close-contact',
      template: 'reason.close-contact',
      fact: { source: 'case-registry', kind: 'close-contact', date: day(-3), ref: 'trace-77' },
      since: day(-3),
    });
    expect(result.reasons[0].text.en).toBe(
      `Close contact with a confirmed case on ${day(-3)}, traced by the health authority`,
    );
  });

  it('counts 14 days back, inclusive', () => {
    expect(score({ closeContacts: [{ date: day(-14), ref: 'r' }] }).color).toBe('red');
    expect(score({ closeContacts: [{ date: day(-15), ref: 'r' }] }).color).toBe('green');
    expect(score({ closeContacts: [{ date: day(1), ref: 'r' }] }).color).toBe('green');
  });

  it('turns green at contact + 14 days for a resident checking in every day', () => {
    const result = score({ closeContacts: [{ date: day(-5), ref: 'r' }], checkIns: checkIns(-4, 0) });
    expect(result.greenAt).toBe(day(9));
    expect(result.greenWhen?.en).toBe(
      `After 14 consecutive healthy daily check-ins (5 done so far): on ${day(9)} if you check in every day`,
    );
    expect(score({ closeContacts: [{ date: day(-14), ref: 'r' }], checkIns: checkIns(-13, 0) }).color).toBe('green');
  });

  it('after a missed check-in, ends with the 14-day window instead', () => {
    const result = score({
      closeContacts: [{ date: day(-5), ref: 'r' }],
      checkIns: [...checkIns(-4, -3), ...checkIns(-1, -1)],
    });
    expect(result.greenAt).toBe(day(10));
    expect(result.greenWhen?.en).toBe(`On ${day(10)}, once ${day(-5)} is more than 14 days ago`);
    expect(result.steps.map((step) => step.id)).toEqual(['wait', 'appeal']);
    expect(result.steps[0].text.en).toBe(`Nothing to do: unless something changes, the code turns green on ${day(10)}`);
  });

  it('counts a self-declared contact unless the rule set says otherwise', () => {
    const declared = score({ declaredContacts: [{ date: day(-2) }] });
    expect(declared.color).toBe('red');
    expect(declared.reasons[0]).toMatchObject({
      template: 'reason.declared-contact',
      fact: { source: 'self-declared', kind: 'declared-contact', date: day(-2) },
    });
    const tracedOnly: RuleSet = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.map((rule) =>
        rule.kind === 'close-contact' ? { ...rule, params: { ...rule.params, includeSelfDeclared: false } } : rule,
      ),
    };
    expect(score({ declaredContacts: [{ date: day(-2) }] }, { ruleSet: tracedOnly }).color).toBe('green');
    expect(score({ closeContacts: [{ date: day(-2), ref: 'r' }] }, { ruleSet: tracedOnly }).color).toBe('red');
    expect(score({ declaredContacts: [{ date: day(-15) }] }).color).toBe('green');
  });

  it("uses the resident's current region for regional parameters", () => {
    const ruleSet: RuleSet = {
      ...DEFAULT_RULE_SET,
      regionOverrides: { '3301': { 'close-contact': { withinDays: 21 } } },
    };
    const facts = { closeContacts: [{ date: day(-18), ref: 'r' }] };
    expect(score({ ...facts, currentRegion: '330106' }, { ruleSet }).color).toBe('red');
    expect(score({ ...facts, currentRegion: '330206' }, { ruleSet }).color).toBe('green');
    expect(score({ ...facts, currentRegion: '330206', homeRegion: '330106' }, { ruleSet }).color).toBe('green');
  });
});
