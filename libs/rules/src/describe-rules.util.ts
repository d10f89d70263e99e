import type { Color } from './color.constant';
import { isRegionCode } from './region-code.util';
import { renderTemplate } from './render-template.util';
import type { LocalizedText, TemplateParams } from './result.types';
import type { RuleKindImpl } from './rule-context.types';
import { overridingPrefixes, resolveRuleParams } from './rule-params.util';
import type { RuleKind, RuleParams, RuleSet } from './rule-set.types';
import { RULE_KIND_IMPLS } from './rules/rule-kinds.constant';
import { RulesException } from './rules.exception';
import type { TemplateId } from './templates.constant';

export interface RuleDescription {
  readonly ruleId: string;
  readonly kind: RuleKind;
  /** The colour the rule gives; null for staff overrides, which may set any colour. */
  readonly color: Color | null;
  readonly params: RuleParams;
  /** Region prefixes whose overrides changed the catalogue defaults here, least specific first. */
  readonly overriddenBy: readonly string[];
  readonly template: TemplateId;
  readonly templateParams: TemplateParams;
  readonly text: LocalizedText;
}

export interface RulesDescription {
  readonly version: number;
  readonly region: string | null;
  readonly rules: readonly RuleDescription[];
}

/**
 * The rules in force for facts concerning `region` (a stay there, or a resident living
 * there), in plain language, for the public rules page. Null: the catalogue defaults.
 */
export function describeRules(ruleSet: RuleSet, region: string | null = null): RulesDescription {
  if (region !== null && !isRegionCode(region)) throw new RulesException('Malformed region code', 'INVALID_REGION');
  return {
    version: ruleSet.version,
    region,
    rules: ruleSet.rules.map((rule) => {
      const params = resolveRuleParams(ruleSet, rule.id, region) as RuleParams;
      const source = (RULE_KIND_IMPLS[rule.kind] as RuleKindImpl<RuleKind>).describe(params as never);
      return {
        ruleId: rule.id,
        kind: rule.kind,
        color: 'color' in params ? params.color : null,
        params,
        overriddenBy: overridingPrefixes(ruleSet, rule.id, region),
        template: source.template,
        templateParams: source.params,
        text: renderTemplate(source.template, source.params),
      };
    }),
  };
}
