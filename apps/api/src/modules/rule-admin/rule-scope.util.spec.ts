import { DEFAULT_RULE_SET, type RuleSet } from '@healthcode/rules';

import { scopeViolations } from './rule-scope.util';

const withOverrides = (regionOverrides: RuleSet['regionOverrides']): RuleSet => ({
  ...DEFAULT_RULE_SET,
  regionOverrides,
});

describe('scopeViolations', () => {
  const patch = { 'medium-risk-region': { withinDays: 7 } };
  it('lets a country-wide admin change anything', () => {
    expect(scopeViolations(DEFAULT_RULE_SET, withOverrides({ '42': patch }), '')).toEqual([]);
  });
  it('lets a regional admin change overrides inside their prefix only', () => {
    expect(scopeViolations(DEFAULT_RULE_SET, withOverrides({ '3301': patch, '330106': patch }), '3301')).toEqual([]);
    expect(scopeViolations(DEFAULT_RULE_SET, withOverrides({ '33': patch, '3302': patch }), '3301')).toEqual([
      'definition.regionOverrides.33',
      'definition.regionOverrides.3302',
    ]);
  });
  it('refuses base-rule changes from a regional admin, and removals outside the scope', () => {
    const base = withOverrides({ '42': patch });
    const draft: RuleSet = { ...base, rules: base.rules.slice(1), regionOverrides: {} };
    expect(scopeViolations(base, draft, '33')).toEqual(['definition.rules', 'definition.regionOverrides.42']);
  });
});
