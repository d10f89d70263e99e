import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { validateRuleSet } from './validate-rule-set.util';

describe('DEFAULT_RULE_SET', () => {
  it('is valid', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_RULE_SET)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULE_SET.rules[0].params)).toBe(true);
    expect(() => {
      (DEFAULT_RULE_SET.rules[0].params as { withinDays: number }).withinDays = 1;
    }).toThrow(TypeError);
  });

  it('models Hangzhou, February 2020: 14 check-ins for red, 7 for yellow', () => {
    const params = Object.fromEntries(DEFAULT_RULE_SET.rules.map((rule) => [rule.id, rule.params]));
    expect(params['case-status']).toMatchObject({ color: 'red', checkInsRequired: 14 });
    expect(params['close-contact']).toMatchObject({ color: 'red', withinDays: 14, checkInsRequired: 14 });
    expect(params['high-risk-region']).toMatchObject({
      color: 'red',
      level: 'high',
      withinDays: 14,
      includeCurrentRegion: true,
    });
    expect(params['medium-risk-region']).toMatchObject({ color: 'yellow', level: 'medium', checkInsRequired: 7 });
    expect(params.symptoms).toMatchObject({
      color: 'yellow',
      symptoms: ['fever', 'cough', 'sore-throat', 'shortness-of-breath'],
    });
  });
});
