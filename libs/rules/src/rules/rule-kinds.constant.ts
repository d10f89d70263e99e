import type { RuleKindImpl } from '../rule-context.types';
import type { RuleKind } from '../rule-set.types';
import { caseStatusRule } from './case-status.rule';
import { closeContactRule } from './close-contact.rule';
import { regionRiskPresenceRule } from './region-risk-presence.rule';
import { staffOverrideRule } from './staff-override.rule';
import { symptomsRule } from './symptoms.rule';

/** Adding a kind of rule means adding code here; tuning one means editing a rule set. */
export const RULE_KIND_IMPLS: { readonly [K in RuleKind]: RuleKindImpl<K> } = {
  'case-status': caseStatusRule,
  'close-contact': closeContactRule,
  'region-risk-presence': regionRiskPresenceRule,
  symptoms: symptomsRule,
  'staff-override': staffOverrideRule,
};
