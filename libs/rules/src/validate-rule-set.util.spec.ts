import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { validateRuleSet } from './validate-rule-set.util';

const withRule = (index: number, change: object) => ({
  ...DEFAULT_RULE_SET,
  rules: DEFAULT_RULE_SET.rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)),
});
const withParams = (index: number, params: object) =>
  withRule(index, { params: { ...DEFAULT_RULE_SET.rules[index].params, ...params } });
const codes = (value: unknown) => validateRuleSet(value).map((error) => `${error.code} ${error.path}`);

describe('validateRuleSet', () => {
  it('accepts the default catalogue', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
  });

  it('refuses a non-object and a bad version', () => {
    expect(codes(null)).toEqual(['invalid-shape ']);
    expect(codes({ ...DEFAULT_RULE_SET, version: 0 })).toEqual(['invalid-version version']);
    expect(codes({ ...DEFAULT_RULE_SET, version: 1.5 })).toEqual(['invalid-version version']);
    expect(codes({ version: 1, rules: {}, regionOverrides: [] })).toEqual([
      'invalid-shape rules',
      'invalid-shape regionOverrides',
    ]);
  });

  it.each([-1, 1.5, 366, Number.NaN, '14', null])('refuses %p as a number of days', (value) => {
    expect(codes(withParams(0, { withinDays: value }))).toEqual(['invalid-param rules[0].params.withinDays']);
    expect(codes(withParams(3, { checkInsRequired: value }))).toEqual([
      'invalid-param rules[3].params.checkInsRequired',
    ]);
  });

  it('accepts the edges of the day range', () => {
    expect(codes(withParams(0, { withinDays: 0, checkInsRequired: 365 }))).toEqual([]);
  });

  it('refuses unknown kinds, missing or duplicate ids, unknown and missing params', () => {
    expect(codes(withRule(0, { kind: 'vaccination' }))).toEqual(['unknown-kind rules[0].kind']);
    expect(codes(withRule(0, { id: '' }))).toEqual(['missing-rule-id rules[0].id']);
    expect(codes(withRule(1, { id: 'case-status' }))).toEqual(['duplicate-rule-id rules[1].id']);
    expect(codes(withParams(4, { severity: 3 }))).toEqual(['unknown-param rules[4].params.severity']);
    expect(codes(withRule(4, { params: { color: 'yellow', withinDays: 14, checkInsRequired: 7 } }))).toEqual([
      'missing-param rules[4].params.symptoms',
    ]);
    expect(codes(withRule(4, { params: 'none' }))).toEqual(['invalid-shape rules[4].params']);
    expect(codes({ ...DEFAULT_RULE_SET, rules: [42] })).toEqual(['invalid-shape rules[0]']);
  });

  it('refuses bad colours, levels and lists', () => {
    expect(codes(withParams(0, { color: 'green' }))).toEqual(['invalid-param rules[0].params.color']);
    expect(codes(withParams(2, { level: 'low' }))).toEqual(['invalid-param rules[2].params.level']);
    expect(codes(withParams(2, { includeCurrentRegion: 'yes' }))).toEqual([
      'invalid-param rules[2].params.includeCurrentRegion',
    ]);
    expect(codes(withParams(4, { symptoms: [] }))).toEqual(['invalid-param rules[4].params.symptoms']);
    expect(codes(withParams(4, { symptoms: ['fever', 'headache'] }))).toEqual([
      'invalid-param rules[4].params.symptoms',
    ]);
    expect(codes(withParams(4, { symptoms: ['fever', 'fever'] }))).toEqual(['invalid-param rules[4].params.symptoms']);
    expect(codes(withParams(0, { statuses: ['probable'] }))).toEqual(['invalid-param rules[0].params.statuses']);
  });

  it('checks regional overrides: prefixes, rule ids and partial params', () => {
    const overrides = {
      '42': { 'high-risk-region': { withinDays: 21 } },
      '3300': { symptoms: { withinDays: 7 } },
      '990101': {},
      '3301': { 'no-such-rule': { withinDays: 7 } },
      '330106': { symptoms: { withinDays: -2, colour: 'red' } },
      '11': 'strict',
    };
    // Object.entries lists integer-like keys first, in numeric order.
    expect(codes({ ...DEFAULT_RULE_SET, regionOverrides: overrides })).toEqual([
      'invalid-shape regionOverrides.11',
      'malformed-prefix regionOverrides.3300',
      'unknown-rule-id regionOverrides.3301.no-such-rule',
      'invalid-param regionOverrides.330106.symptoms.withinDays',
      'unknown-param regionOverrides.330106.symptoms.colour',
      'malformed-prefix regionOverrides.990101',
    ]);
  });

  it('refuses any parameter on staff overrides', () => {
    expect(codes({ ...DEFAULT_RULE_SET, regionOverrides: { '33': { 'staff-override': { withinDays: 1 } } } })).toEqual([
      'unknown-param regionOverrides.33.staff-override.withinDays',
    ]);
  });
});
