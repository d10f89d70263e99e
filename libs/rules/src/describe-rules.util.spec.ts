import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { describeRules } from './describe-rules.util';
import { RulesException } from './rules.exception';
import type { RuleSet } from './rule-set.types';

describe('describeRules', () => {
  it('describes the default catalogue in both languages', () => {
    const description = describeRules(DEFAULT_RULE_SET);
    expect(description.version).toBe(1);
    expect(description.region).toBeNull();
    expect(description.rules.map((rule) => [rule.ruleId, rule.kind, rule.color])).toEqual([
      ['case-status', 'case-status', 'red'],
      ['close-contact', 'close-contact', 'red'],
      ['high-risk-region', 'region-risk-presence', 'red'],
      ['medium-risk-region', 'region-risk-presence', 'yellow'],
      ['symptoms', 'symptoms', 'yellow'],
      ['staff-override', 'staff-override', null],
    ]);
    const byId = Object.fromEntries(description.rules.map((rule) => [rule.ruleId, rule.text]));
    expect(byId['high-risk-region'].en).toBe(
      'red code for being in a high-risk region now, or a stay within the last 14 days in a region that was high-risk at the time, ' +
        'including arriving by plane, train or bus from one. It turns green after 14 consecutive healthy daily check-ins after ' +
        'leaving (or the level being lowered), or once that is more than 14 days ago.',
    );
    expect(byId['medium-risk-region'].en).toMatch(
      /^yellow code for a stay within the last 14 days in a region that was medium-risk/,
    );
    expect(byId['close-contact'].en).toContain('traced by the health authority or declared by you');
    expect(byId.symptoms['zh-CN']).toBe(
      '近14天内出现发热、咳嗽、咽痛或气促的，赋黄码。出现症状后连续7天健康打卡，或已超过14天，即转为绿码。',
    );
    expect(byId['case-status'].en).toContain('a confirmed or suspected case');
    expect(byId['staff-override'].en).toContain('word for word');
    for (const rule of description.rules) {
      expect(rule.text['zh-CN']).not.toMatch(/[{}]/);
      expect(rule.text.en).not.toMatch(/[{}]/);
    }
  });

  it('gives the effective parameters for a region and names the overrides applied', () => {
    const ruleSet: RuleSet = {
      ...DEFAULT_RULE_SET,
      version: 3,
      regionOverrides: {
        '33': { symptoms: { withinDays: 7 } },
        '3301': { symptoms: { symptoms: ['fever'] }, 'close-contact': { includeSelfDeclared: false } },
      },
    };
    const hangzhou = describeRules(ruleSet, '330106');
    const symptoms = hangzhou.rules.find((rule) => rule.ruleId === 'symptoms')!;
    expect(symptoms.params).toMatchObject({ withinDays: 7, symptoms: ['fever'] });
    expect(symptoms.overriddenBy).toEqual(['33', '3301']);
    expect(symptoms.text.en).toMatch(/^yellow code for fever with onset within the last 7 days/);
    const contact = hangzhou.rules.find((rule) => rule.ruleId === 'close-contact')!;
    expect(contact.template).toBe('rule.close-contact');
    expect(contact.text.en).not.toContain('declared by you');
    expect(describeRules(ruleSet, '420106').rules.find((rule) => rule.ruleId === 'symptoms')!.overriddenBy).toEqual([]);
  });

  it('refuses a malformed region', () => {
    expect(() => describeRules(DEFAULT_RULE_SET, 'Hangzhou')).toThrow(RulesException);
  });
});
