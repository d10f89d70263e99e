export * from './color.constant';
export * from './facts.types';
export * from './rule-set.types';
export * from './result.types';
export { RulesException, type RulesExceptionCode } from './rules.exception';

export { evaluate } from './evaluate';
export { compileRuleSet, type CompiledRuleSet } from './compile-rule-set';
export { DEFAULT_RULE_SET } from './default-rule-set.constant';
export { resolveRuleParams } from './rule-params.util';
export { checkInWindowDays } from './check-in-window.util';
export { describeRules, type RuleDescription, type RulesDescription } from './describe-rules.util';
export { diffRuleSets, type RuleSetChange, type RuleSetChangeKind } from './diff-rule-sets.util';
export { validateRuleSet, type RuleSetError, type RuleSetErrorCode } from './validate-rule-set.util';
export { RULE_PARAM_SPECS, MAX_DAYS, type ParamSpec } from './rule-param-specs.constant';

export { TEMPLATES, type TemplateId } from './templates.constant';
export { renderJoined, renderTemplate, renderTemplateIn, LOCALES, type RenderOptions } from './render-template.util';
export * from './labels.constant';

export {
  compileRiskLevels,
  type RiskDecision,
  riskLevelAt,
  type RiskLevelIndex,
  type RiskSegment,
} from './risk-level.util';
export { isRegionPrefix, isRegionCode, regionPrefixes } from './region-code.util';
export { parseIsoDate, formatIsoDate, dayOfNow, type DayNumber } from './date.util';
export {
  type AuthorityEvent,
  type AuthorityRecord,
  replayAuthorityEvents,
  withAuthorityFacts,
} from './authority-ledger.util';
