import type { Color } from './color.constant';
import type { CaseStatus, RegionCode, SymptomCode } from './facts.types';

/** The kinds of rule are code; everything tunable in them is a parameter (data). */
export const RULE_KINDS = [
  'case-status',
  'close-contact',
  'region-risk-presence',
  'symptoms',
  'staff-override',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * Shared by every rule that ends once its cause has passed: it stops counting after
 * `checkInsRequired` consecutive healthy daily check-ins dated after the cause ended, or
 * `withinDays` days after the cause ended, whichever comes first.
 */
export interface RecoveryParams {
  readonly withinDays: number;
  readonly checkInsRequired: number;
}

export interface CaseStatusParams extends RecoveryParams {
  readonly color: Color;
  readonly statuses: readonly CaseStatus[];
}

export interface CloseContactParams extends RecoveryParams {
  readonly color: Color;
  /** Whether a self-declared contact counts like a traced close contact. */
  readonly includeSelfDeclared: boolean;
}

export interface RegionRiskPresenceParams extends RecoveryParams {
  readonly color: Color;
  readonly level: 'medium' | 'high';
  /** Whether being in such a region today counts, besides stays and arrivals. */
  readonly includeCurrentRegion: boolean;
}

export interface SymptomsParams extends RecoveryParams {
  readonly color: Color;
  readonly symptoms: readonly SymptomCode[];
}

// Overrides are always shown and combined the same way; nothing about them is tunable yet.
export type StaffOverrideParams = Readonly<Record<string, never>>;

export interface RuleParamsByKind {
  'case-status': CaseStatusParams;
  'close-contact': CloseContactParams;
  'region-risk-presence': RegionRiskPresenceParams;
  symptoms: SymptomsParams;
  'staff-override': StaffOverrideParams;
}

export type RuleParams = RuleParamsByKind[RuleKind];

export type RuleDefinitionOf<K extends RuleKind> = {
  readonly id: string;
  readonly kind: K;
  readonly params: RuleParamsByKind[K];
};

export type RuleDefinition = { [K in RuleKind]: RuleDefinitionOf<K> }[RuleKind];

export type ParamValue = number | boolean | string | readonly string[];

/** A partial set of parameters for one rule, as found in a regional override. */
export type RuleParamsPatch = Readonly<
  Partial<CaseStatusParams & CloseContactParams & RegionRiskPresenceParams & SymptomsParams>
>;

export interface RuleSet {
  readonly version: number;
  readonly rules: readonly RuleDefinition[];
  /** Keyed by GB/T 2260 prefix, then rule id; the most specific prefix wins, parameter by parameter. */
  readonly regionOverrides: Readonly<Record<RegionCode, Readonly<Record<string, RuleParamsPatch>>>>;
}
