import type { Color } from './color.constant';

/** ISO calendar date 'YYYY-MM-DD', read as a day in China Standard Time (UTC+8). */
export type IsoDate = string;
/** 'YYYY-MM-DD' or an ISO date-time; without an offset a date-time is read as UTC+8. */
export type IsoDateTime = string;
/** GB/T 2260 code or prefix: '33' province, '3301' city, '330106' district. */
export type RegionCode = string;

export const SYMPTOM_CODES = [
  'fever',
  'cough',
  'sore-throat',
  'shortness-of-breath',
  'fatigue',
  'loss-of-smell',
] as const;
export type SymptomCode = (typeof SYMPTOM_CODES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CASE_STATUSES = ['confirmed', 'suspected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TRANSPORT_MODES = ['plane', 'train', 'bus'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** Self-declared: where the resident stayed, both days inclusive; `to: null` means still there. */
export interface StayFact {
  readonly region: RegionCode;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

export interface SymptomFact {
  readonly symptom: SymptomCode;
  readonly onset: IsoDate;
}

/** Self-declared contact with a confirmed case. */
export interface DeclaredContactFact {
  readonly date: IsoDate;
}

export interface CheckInFact {
  readonly date: IsoDate;
  readonly healthy: boolean;
}

/** Case registry: a confirmed or suspected case. */
export interface CaseFact {
  readonly status: CaseStatus;
  readonly date: IsoDate;
  readonly clearedDate: IsoDate | null;
  readonly ref: string;
}

/** Case registry: a close contact traced by the health authority. */
export interface CloseContactFact {
  readonly date: IsoDate;
  readonly ref: string;
}

/** Transport booking: arriving from `fromRegion` counts like a stay there on `date`. */
export interface TransportBookingFact {
  readonly mode: TransportMode;
  readonly fromRegion: RegionCode;
  readonly toRegion: RegionCode;
  readonly date: IsoDate;
  readonly ref: string;
}

/** Staff override: applies before `until` (exclusive), `reason` is shown word for word. */
export interface StaffOverrideFact {
  readonly color: Color;
  readonly until: IsoDate;
  readonly reason: string;
  readonly ref: string;
}

/** Everything known about one resident. Missing lists mean "none". */
export interface ResidentFacts {
  /** Registered home. Never read by the engine: colour depends on where a person has been. */
  readonly homeRegion?: RegionCode | null;
  readonly currentRegion?: RegionCode | null;
  readonly stays?: readonly StayFact[];
  readonly symptoms?: readonly SymptomFact[];
  readonly declaredContacts?: readonly DeclaredContactFact[];
  readonly checkIns?: readonly CheckInFact[];
  readonly cases?: readonly CaseFact[];
  readonly closeContacts?: readonly CloseContactFact[];
  readonly transportBookings?: readonly TransportBookingFact[];
  readonly staffOverrides?: readonly StaffOverrideFact[];
}

/** A region's risk level over [from, to): `to` is exclusive, `null` means open-ended. */
export interface RegionRiskLevel {
  readonly region: RegionCode;
  readonly level: RiskLevel;
  readonly from: IsoDateTime;
  readonly to: IsoDateTime | null;
  /** When the decision was taken: of two decisions taking effect on the same day, the later one wins. */
  readonly decidedAt?: IsoDateTime | null;
}

/** Input of the one-call `evaluate`: the resident's facts plus the region risk levels. */
export interface EvaluationFacts extends ResidentFacts {
  readonly riskLevels?: readonly RegionRiskLevel[];
}
