import type { ActedFor } from './care.contract';
import type { Color, LocalizedText } from './color.constant';

export const FACT_SOURCES = [
  'self-declared',
  'case-registry',
  'transport-booking',
  'region-risk',
  'staff-override',
] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

/** One reason behind a colour: which rule, which version, what fact, since when and until when. */
export interface CodeReason {
  ruleId: string;
  ruleVersion: number;
  color: Color;
  text: LocalizedText;
  template?: string;
  params?: Record<string, string | number | null>;
  fact: { source: FactSource; kind: string; [field: string]: unknown };
  since: string | null;
  until: string | null;
  suppressed?: boolean;
}

export interface CodeStep {
  id: string;
  text: LocalizedText;
  progress?: { done: number; total: number };
}

export interface CodeEvaluation {
  color: Color;
  reasons: CodeReason[];
  greenAt: string | null;
  greenWhen: LocalizedText | null;
  steps: CodeStep[];
}

export interface CodeResponse extends CodeEvaluation {
  /** The QR payload: a compact ES256 JWS holding only a random code id, the colour and times. */
  token: string;
  tokenExpiresAt: string;
  ruleSetVersion: number;
  evaluatedAt: string;
}

export const HISTORY_CAUSES = [
  'declaration',
  'check-in',
  'rules-published',
  'authority-import',
  'authority-withdrawal',
  'appeal-decided',
  'expiry',
  'sign-up',
  'risk-changed',
  'verified',
] as const;
export type HistoryCause = (typeof HISTORY_CAUSES)[number];

export interface CodeHistoryEntry {
  id: string;
  at: string;
  cause: HistoryCause;
  /** Human wording of the cause, e.g. "rules v3 published", "import #12", "appeal #4 decided". */
  causeText: LocalizedText;
  colorBefore: Color | null;
  colorAfter: Color;
  reasonsBefore: CodeReason[];
  reasonsAfter: CodeReason[];
  greenAtAfter: string | null;
  /** Present when a carer's action caused it: "by <carer> for <dependant>" (masked names). */
  actedFor?: ActedFor;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  role: string;
  purpose: string;
  /** What was read: "record", "appeal", "scans"... */
  scope: string;
  /** Present on a carer's action: "by <carer> for <dependant>" (masked names); shown to both. */
  actedFor?: ActedFor;
}

export interface DeletionReceipt {
  receiptId: string;
  deletedAt: string;
  /** Counts of rows erased per kind, for the resident's records. */
  erased: Record<string, number>;
  /** sha256 (hex) of `signature`: the server keeps only this and the time. */
  digest: string;
  /**
   * The receipt as an ES256 compact JWS (`typ` `erasure-receipt+jwt`, claims `jti` = receiptId, `iat`,
   * `erased`), signed with the deployment's key: verify it with `/.well-known/jwks.json`.
   */
  signature: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
