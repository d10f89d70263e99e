import { DEFAULT_RULE_SET, type RuleSet } from '@healthcode/rules';

import { initialOverrideValues, overridePatch, tunableRules } from './override-patch.util';

describe('regional override patches', () => {
  it('offers every rule but the staff override', () => {
    expect(tunableRules(DEFAULT_RULE_SET).map((r) => r.id)).not.toContain('staff-override');
  });

  it('starts from the base parameters with the existing override laid over them', () => {
    const ruleSet = { ...DEFAULT_RULE_SET, regionOverrides: { '3301': { symptoms: { withinDays: 3 } } } } as RuleSet;
    expect(initialOverrideValues(ruleSet, '3301').symptoms).toMatchObject({ withinDays: 3, color: 'yellow' });
    expect(initialOverrideValues(ruleSet, '33').symptoms.withinDays).not.toBe(3);
  });

  it('sends only what differs from the base rule', () => {
    const values = initialOverrideValues(DEFAULT_RULE_SET, '33');
    values['high-risk-region'] = { ...values['high-risk-region'], withinDays: 7 };
    values.symptoms = { ...values.symptoms, symptoms: [...(values.symptoms.symptoms as string[])].reverse() };
    expect(overridePatch(DEFAULT_RULE_SET, values)).toEqual({ 'high-risk-region': { withinDays: 7 } });
  });
});
