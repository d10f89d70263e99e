import type { Color } from './color.constant';
import type { DayNumber } from './date.util';
import type { ResidentFacts } from './facts.types';
import type { ReasonFact, StepId, TemplateParams } from './result.types';
import type { RiskLevelIndex } from './risk-level.util';
import type { ParamsResolver } from './rule-params.util';
import type { RecoveryParams, RuleDefinitionOf, RuleKind, RuleParamsByKind } from './rule-set.types';
import type { TemplateId } from './templates.constant';

/** What a rule sees: one resident on one day, with the compiled rule set's lookups. */
export interface RuleContext {
  readonly today: DayNumber;
  readonly facts: ResidentFacts;
  readonly currentRegion: string | null;
  readonly risk: RiskLevelIndex;
  readonly params: ParamsResolver;
}

/** For a cause with no known end: what must happen, for `greenWhen` and `steps`. */
export interface WaitingOn {
  readonly step: Extract<StepId, 'await-case-clearance' | 'await-region-risk'>;
  readonly greenWhen: TemplateId;
  readonly params: TemplateParams;
}

/** A fact that matched a rule, before check-ins decide whether it still applies. */
export interface Finding {
  readonly ruleId: string;
  readonly color: Color;
  readonly template: TemplateId;
  readonly params: TemplateParams;
  readonly fact: ReasonFact;
  readonly since: DayNumber;
  /** Last day the cause held; a future day if its end is known; null if unknown. */
  readonly causeEnd: DayNumber | null;
  readonly recovery: RecoveryParams;
  readonly waitingOn: WaitingOn | null;
}

export interface OverrideFinding {
  readonly ruleId: string;
  readonly color: Color;
  readonly template: TemplateId;
  readonly params: TemplateParams;
  readonly fact: ReasonFact;
  /** Exclusive: the first day it no longer applies. */
  readonly until: DayNumber;
}

export interface FindingSink {
  readonly findings: Finding[];
  readonly overrides: OverrideFinding[];
}

export interface RuleDescriptionSource {
  readonly template: TemplateId;
  readonly params: TemplateParams;
}

/** The code behind one kind of rule. */
export interface RuleKindImpl<K extends RuleKind> {
  collect(rule: RuleDefinitionOf<K>, ctx: RuleContext, sink: FindingSink): void;
  describe(params: RuleParamsByKind[K]): RuleDescriptionSource;
}
