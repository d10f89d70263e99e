import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { diffRuleSets } from './diff-rule-sets.util';
import type { RuleSet } from './rule-set.types';

const summary = (a: RuleSet, b: RuleSet) => diffRuleSets(a, b).map((change) => change.text.en);

describe('diffRuleSets', () => {
  it('finds nothing between equal rule sets', () => {
    expect(diffRuleSets(DEFAULT_RULE_SET, structuredClone(DEFAULT_RULE_SET) as RuleSet)).toEqual([]);
  });

  it('lists version and parameter changes, in a stable order', () => {
    const next: RuleSet = {
      ...DEFAULT_RULE_SET,
      version: 2,
      rules: DEFAULT_RULE_SET.rules.map((rule) =>
        rule.kind === 'symptoms'
          ? { ...rule, params: { ...rule.params, withinDays: 7, symptoms: ['fever', 'cough', 'loss-of-smell'] } }
          : rule.kind === 'close-contact'
            ? { ...rule, params: { ...rule.params, includeSelfDeclared: false } }
            : rule,
      ),
    };
    const changes = diffRuleSets(DEFAULT_RULE_SET, next);
    expect(changes.map((c) => [c.kind, c.ruleId, c.param, c.before, c.after])).toEqual([
      ['version', null, null, 1, 2],
      ['param', 'close-contact', 'includeSelfDeclared', true, false],
      [
        'param',
        'symptoms',
        'symptoms',
        ['fever', 'cough', 'sore-throat', 'shortness-of-breath'],
        ['fever', 'cough', 'loss-of-smell'],
      ],
      ['param', 'symptoms', 'withinDays', 14, 7],
    ]);
    expect(changes[0].text).toEqual({ 'zh-CN': '版本 1 → 2', en: 'Version 1 → 2' });
    expect(changes[3].text).toEqual({ 'zh-CN': 'symptoms：观察天数 14 → 7', en: 'symptoms: days counted 14 → 7' });
  });

  it('ignores reordering within a list', () => {
    const next: RuleSet = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.map((rule) =>
        rule.kind === 'symptoms'
          ? { ...rule, params: { ...rule.params, symptoms: [...rule.params.symptoms].reverse() } }
          : rule,
      ),
    };
    expect(diffRuleSets(DEFAULT_RULE_SET, next)).toEqual([]);
  });

  it('lists added and removed rules with their parameters, and changed kinds', () => {
    const without: RuleSet = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.filter((rule) => rule.id !== 'staff-override'),
    };
    expect(summary(without, DEFAULT_RULE_SET)).toEqual(['Rule staff-override added']);
    const shrunk: RuleSet = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.filter((rule) => rule.id !== 'symptoms'),
    };
    expect(summary(DEFAULT_RULE_SET, shrunk)).toEqual([
      'Rule symptoms removed',
      'symptoms: consecutive healthy check-ins required 7 → —',
      'symptoms: colour yellow → —',
      'symptoms: symptoms counted fever, cough, sore-throat, shortness-of-breath → —',
      'symptoms: days counted 14 → —',
    ]);
    const rekinded = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.map((rule) =>
        rule.id === 'staff-override' ? { ...rule, kind: 'symptoms' } : rule,
      ),
    } as RuleSet;
    expect(summary(DEFAULT_RULE_SET, rekinded)).toEqual(['staff-override: kind staff-override → symptoms']);
  });

  it('lists regional override changes by prefix, rule and parameter', () => {
    const a: RuleSet = { ...DEFAULT_RULE_SET, regionOverrides: { '42': { 'high-risk-region': { withinDays: 21 } } } };
    const b: RuleSet = {
      ...DEFAULT_RULE_SET,
      regionOverrides: {
        '42': { 'high-risk-region': { withinDays: 28, checkInsRequired: 21 } },
        '3301': { symptoms: { color: 'red' } },
      },
    };
    const changes = diffRuleSets(a, b);
    expect(changes.map((c) => [c.region, c.ruleId, c.param, c.before, c.after])).toEqual([
      ['3301', 'symptoms', 'color', null, 'red'],
      ['42', 'high-risk-region', 'checkInsRequired', null, 21],
      ['42', 'high-risk-region', 'withinDays', 21, 28],
    ]);
    expect(changes[2].text.en).toBe('high-risk-region in 42: days counted 21 → 28');
    expect(diffRuleSets(b, a).map((c) => [c.region, c.param, c.before, c.after])).toEqual([
      ['3301', 'color', 'red', null],
      ['42', 'checkInsRequired', 21, null],
      ['42', 'withinDays', 28, 21],
    ]);
  });
});
