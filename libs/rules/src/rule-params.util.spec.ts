import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { createParamsResolver, overridingPrefixes, resolveRuleParams } from './rule-params.util';
import type { RuleSet } from './rule-set.types';

const ruleSet: RuleSet = {
  ...DEFAULT_RULE_SET,
  regionOverrides: {
    '42': { 'high-risk-region': { withinDays: 21, checkInsRequired: 21 } },
    '4201': { 'high-risk-region': { checkInsRequired: 28 } },
    '420106': { symptoms: { symptoms: ['fever'] } },
  },
};

describe('resolveRuleParams', () => {
  it('returns the catalogue defaults without a region or override', () => {
    expect(resolveRuleParams(ruleSet, 'high-risk-region', null)).toEqual(DEFAULT_RULE_SET.rules[2].params);
    expect(resolveRuleParams(ruleSet, 'high-risk-region', '330106')).toEqual(DEFAULT_RULE_SET.rules[2].params);
  });

  it('lets the most specific prefix win, parameter by parameter', () => {
    expect(resolveRuleParams(ruleSet, 'high-risk-region', '420106')).toMatchObject({
      withinDays: 21,
      checkInsRequired: 28,
      color: 'red',
    });
    expect(resolveRuleParams(ruleSet, 'high-risk-region', '420501')).toMatchObject({
      withinDays: 21,
      checkInsRequired: 21,
    });
    expect(resolveRuleParams(ruleSet, 'high-risk-region', '4201')).toMatchObject({
      withinDays: 21,
      checkInsRequired: 28,
    });
    expect(resolveRuleParams(ruleSet, 'symptoms', '420106')).toMatchObject({
      symptoms: ['fever'],
      checkInsRequired: 7,
    });
    expect(resolveRuleParams(ruleSet, 'symptoms', '420102')).toMatchObject({
      symptoms: ['fever', 'cough', 'sore-throat', 'shortness-of-breath'],
    });
  });

  it('returns undefined for an unknown rule id', () => {
    expect(resolveRuleParams(ruleSet, 'nope', '42')).toBeUndefined();
  });

  it('names the prefixes that changed a rule', () => {
    expect(overridingPrefixes(ruleSet, 'high-risk-region', '420106')).toEqual(['42', '4201']);
    expect(overridingPrefixes(ruleSet, 'symptoms', '420106')).toEqual(['420106']);
    expect(overridingPrefixes(ruleSet, 'symptoms', null)).toEqual([]);
  });

  it('resolves the same through the memoising resolver, and reuses its result', () => {
    const resolve = createParamsResolver(ruleSet);
    const rule = ruleSet.rules[2];
    expect(resolve(rule, '420106')).toEqual(resolveRuleParams(ruleSet, rule.id, '420106'));
    expect(resolve(rule, '420106')).toBe(resolve(rule, '420106'));
    expect(resolve(rule, null)).toBe(rule.params);
    expect(createParamsResolver(DEFAULT_RULE_SET)(rule, '420106')).toBe(rule.params);
  });
});
