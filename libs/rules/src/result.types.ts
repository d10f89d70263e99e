import type { Color } from './color.constant';
import type { CaseStatus, IsoDate, RegionCode, RiskLevel, SymptomCode, TransportMode } from './facts.types';
import type { TemplateId } from './templates.constant';

export type Locale = 'zh-CN' | 'en';
export type LocalizedText = Readonly<Record<Locale, string>>;

export type TemplateParamValue = string | number | boolean | null | readonly string[];
export type TemplateParams = Readonly<Record<string, TemplateParamValue>>;

/** A text as the engine renders it: a template and its parameters (render with `renderTemplate`). */
export interface TemplateRef {
  readonly template: TemplateId;
  readonly params: TemplateParams;
}

export type FactSource = 'self-declared' | 'case-registry' | 'transport-booking' | 'region-risk' | 'staff-override';

/** The fact behind a reason, without personal data. */
export type ReasonFact =
  | {
      readonly source: 'case-registry';
      readonly kind: 'case';
      readonly status: CaseStatus;
      readonly date: IsoDate;
      readonly clearedDate: IsoDate | null;
      readonly ref: string;
    }
  | { readonly source: 'case-registry'; readonly kind: 'close-contact'; readonly date: IsoDate; readonly ref: string }
  | { readonly source: 'self-declared'; readonly kind: 'declared-contact'; readonly date: IsoDate }
  | {
      readonly source: 'self-declared';
      readonly kind: 'stay';
      readonly region: RegionCode;
      readonly from: IsoDate;
      readonly to: IsoDate | null;
      readonly riskLevel: RiskLevel;
    }
  | {
      readonly source: 'transport-booking';
      readonly kind: 'transport';
      readonly mode: TransportMode;
      readonly fromRegion: RegionCode;
      readonly toRegion: RegionCode;
      readonly date: IsoDate;
      readonly ref: string;
      readonly riskLevel: RiskLevel;
    }
  | {
      readonly source: 'region-risk';
      readonly kind: 'current-region';
      readonly region: RegionCode;
      readonly riskLevel: RiskLevel;
      /** The region's current level applies over [from, to): `to` is exclusive, null when open-ended. */
      readonly from: IsoDate;
      readonly to: IsoDate | null;
    }
  | {
      readonly source: 'self-declared';
      readonly kind: 'symptom';
      readonly symptom: SymptomCode;
      readonly onset: IsoDate;
    }
  | {
      readonly source: 'staff-override';
      readonly kind: 'override';
      readonly color: Color;
      readonly until: IsoDate;
      readonly reason: string;
      readonly ref: string;
    };

export interface CheckInProgress {
  readonly done: number;
  readonly total: number;
}

export interface Reason {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly color: Color;
  readonly template: TemplateId;
  readonly params: TemplateParams;
  readonly text: LocalizedText;
  readonly fact: ReasonFact;
  /** First day the cause held; null when the fact has no start (a staff override). */
  readonly since: IsoDate | null;
  /** First day this reason no longer applies if the resident checks in daily; null = waits on an event. */
  readonly until: IsoDate | null;
  /** True while an active staff override decides the colour instead. */
  readonly suppressed: boolean;
  /** Healthy daily check-ins counted towards this reason so far; null if it needs none or its cause is ongoing. */
  readonly checkIns: CheckInProgress | null;
}

export type StepId = 'check-ins' | 'wait' | 'await-case-clearance' | 'await-region-risk' | 'staff-override' | 'appeal';

export interface Step {
  readonly id: StepId;
  readonly template: TemplateId;
  readonly params: TemplateParams;
  readonly text: LocalizedText;
  readonly progress: CheckInProgress | null;
}

export interface EvaluationResult {
  readonly color: Color;
  readonly reasons: readonly Reason[];
  /** The day the code turns green if the resident checks in daily and nothing else changes. */
  readonly greenAt: IsoDate | null;
  /** In words, what must happen for the code to turn green; null when already green. */
  readonly greenWhen: LocalizedText | null;
  /** What `greenWhen` is rendered from (`renderJoined`), so it can be stored without its words. */
  readonly greenWhenParts: readonly TemplateRef[] | null;
  readonly steps: readonly Step[];
  readonly ruleVersion: number;
  /** The day (UTC+8) `now` fell on. */
  readonly evaluatedOn: IsoDate;
}
