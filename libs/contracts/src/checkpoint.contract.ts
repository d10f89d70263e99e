import { z } from 'zod';

import { type Color, COLORS } from './color.constant';
import { countyRegionCode, regionScopeCode } from './region-code.contract';
import { boundedText, multiLineText } from './zod-fields.util';

export const CHECKPOINT_KINDS = ['metro', 'mall', 'office', 'highway-exit', 'other'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

/** Colours this checkpoint lets through: a metro might admit green only, a hospital every colour. */
const admitsField = () =>
  z
    .array(z.enum(COLORS))
    .min(1, 'Admit at least one colour')
    .max(COLORS.length)
    .refine((a) => new Set(a).size === a.length, 'Each colour once');

/**
 * Colours admitted from trusted peer issuers (the colour policy stays with the issuer; which of its colours pass is
 * this checkpoint's choice). Empty: peers' codes are not admitted.
 */
const peerAdmitsField = () =>
  z
    .array(z.enum(COLORS))
    .max(COLORS.length)
    .refine((a) => new Set(a).size === a.length, 'Each colour once');

/** The place is the checkpoint's own description; a person's position is never collected. */
export const CheckpointCreateRequestSchema = z.strictObject({
  name: boundedText(64),
  kind: z.enum(CHECKPOINT_KINDS),
  region: countyRegionCode(),
  place: boundedText(200),
  admits: admitsField(),
  /** Unset: the same as `admits`. */
  peerAdmits: peerAdmitsField().optional(),
});
export type CheckpointCreateRequest = z.infer<typeof CheckpointCreateRequestSchema>;

/** A registered checkpoint's admission policy, changed later (a hospital opening to yellow, a gate closing to peers). */
export const CheckpointAdmissionRequestSchema = z.strictObject({
  admits: admitsField(),
  /** Null: the same as `admits`. */
  peerAdmits: peerAdmitsField().nullable(),
});
export type CheckpointAdmissionRequest = z.infer<typeof CheckpointAdmissionRequestSchema>;

export const CheckpointListQuerySchema = z.strictObject({
  region: regionScopeCode().optional(),
  includeDisabled: z.enum(['true', 'false']).optional(),
});
export type CheckpointListQuery = z.infer<typeof CheckpointListQuerySchema>;

export interface CheckpointResponse {
  id: string;
  name: string;
  kind: CheckpointKind;
  region: string;
  place: string;
  admits: Color[];
  /** Colours admitted from trusted peers' codes; null: the same as `admits`. */
  peerAdmits: Color[] | null;
  disabled: boolean;
  createdAt: string;
}

export const DeviceCredentialCreateRequestSchema = z.strictObject({ label: boundedText(64) });
export type DeviceCredentialCreateRequest = z.infer<typeof DeviceCredentialCreateRequestSchema>;

export interface DeviceCredentialSummary {
  id: string;
  checkpointId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Returned once, when issued: only a hash of the secret is kept. */
export interface DeviceCredentialIssued extends DeviceCredentialSummary {
  secret: string;
  /** The exact header value a device sends: `Device <id>.<secret>`. */
  authorization: string;
}

/** Why a token was not accepted; each is counted as a rejected scan. */
export const SCAN_REJECTIONS = [
  'malformed',
  'bad-signature',
  'unknown-kid',
  'bad-alg',
  'expired',
  'not-yet-valid',
  'bad-claims',
  'unknown-code',
  /** A code from an issuer not on this deployment's trust list. */
  'unknown-issuer',
  /** A code from an issuer whose trust is suspended. */
  'issuer-suspended',
  /** A code from a trusted issuer outside the entry's validity window. */
  'issuer-outside-validity',
  /** A code naming an issuer other than the one whose key signed it. */
  'issuer-mismatch',
  /** A printed card this deployment does not know (never issued here, or erased). */
  'unknown-card',
  /** A printed card that was revoked or replaced by a newer one. */
  'card-revoked',
] as const;
export type ScanRejection = (typeof SCAN_REJECTIONS)[number];

/** A verified scan: admitted, or refused because this checkpoint does not admit the colour. */
export const SCAN_OUTCOMES = ['admitted', 'color-not-admitted'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];
export type ScanReason = ScanOutcome | ScanRejection;

/** Device-chosen, unique per checkpoint: a retried or replayed scan is stored once. */
export const clientScanId = () =>
  z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8 to 64 letters, digits, "-" or "_" (a UUID works)');

export const ScanRequestSchema = z.strictObject({
  /** Checked by the service, not here, so that a malformed token is still counted as a rejected scan. */
  token: z.string().max(4096, 'Not a health code token'),
  clientScanId: clientScanId(),
  scannedAt: z.iso.datetime({ offset: true, error: 'An ISO date-time such as 2020-02-20T08:00:00+08:00' }),
});
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

export const MAX_SCAN_BATCH = 500;
export const ScanBatchRequestSchema = z.strictObject({
  scans: z
    .array(ScanRequestSchema)
    .min(1, 'At least one scan')
    .max(MAX_SCAN_BATCH, `At most ${MAX_SCAN_BATCH} scans per batch`),
});
export type ScanBatchRequest = z.infer<typeof ScanBatchRequestSchema>;

export interface ScanResponse {
  /** The code's current colour (also for a superseded token); null when the token was rejected. */
  color: Color | null;
  admitted: boolean;
  reason: ScanReason;
  /** The token was issued before the code's colour last changed; `color` is the current one. */
  superseded: boolean;
  /**
   * Set for a code issued by a trusted peer deployment: its issuer id and region, shown next to the colour. The
   * colour is the one the peer signed (its own policy); absent for this deployment's own codes.
   */
  issuer?: { id: string; region: string };
}

/**
 * Why an offline batch entry was refused outright (nothing stored): its scan time lies outside
 * [token issue − skew, upload time], or it is uploaded more than OFFLINE_SCAN_WINDOW_HOURS past the token's expiry.
 */
export const OFFLINE_SCAN_REFUSALS = ['scanned-before-issue', 'scanned-in-future', 'offline-window-passed'] as const;
export type OfflineScanRefusal = (typeof OFFLINE_SCAN_REFUSALS)[number];

export type ScanBatchItemResult =
  | (ScanResponse & { clientScanId: string })
  | {
      clientScanId: string;
      color: null;
      admitted: false;
      reason: OfflineScanRefusal;
      superseded: false;
      /** Nothing was stored for this entry; `message` says why, for the device's operator. */
      refused: true;
      message: string;
    };

export interface ScanBatchResponse {
  results: ScanBatchItemResult[];
  /** Rows newly stored by this upload; a replay stores none. */
  stored: number;
}

export interface CheckpointStatsResponse {
  checkpointId: string;
  from: string;
  to: string;
  total: number;
  admitted: number;
  /** Verified codes whose colour this checkpoint does not admit. */
  notAdmitted: number;
  /** Bad tokens, deleted residents' codes and requests from another checkpoint's device. */
  rejected: number;
  byReason: Partial<Record<ScanReason | 'wrong-checkpoint', number>>;
  /** Every hour of the range (UTC hour starts, oldest first, empty hours included): admitted and refused scans. */
  hourly: CheckpointHourlyCount[];
}

export interface CheckpointHourlyCount {
  /** ISO start of the hour. */
  hour: string;
  admitted: number;
  /** Not admitted for the colour, or rejected (bad token, another checkpoint's device…). */
  refused: number;
}

/** The longest range statistics are given for: hourly buckets stay a readable chart. */
export const CHECKPOINT_STATS_MAX_DAYS = 7;

export const CheckpointStatsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type CheckpointStatsQuery = z.infer<typeof CheckpointStatsQuerySchema>;

/** A resident's own scan: where (the checkpoint, never a position), when, the result, and when it is deleted. */
export interface MyScan {
  checkpointName: string;
  checkpointKind: CheckpointKind;
  place: string;
  region: string;
  scannedAt: string;
  color: Color | null;
  admitted: boolean;
  reason: ScanReason;
  /** What was shown: the phone's code, or the printed card. */
  shownWith: 'code' | 'card';
  /** The date (CST) on or after which this record is purged. */
  deleteOn: string;
}

export const TracingRequestCreateSchema = z.strictObject({
  /** The confirmed case's resident id (from an authorised lookup). */
  residentId: z.uuid({ error: 'A resident id' }),
  caseReference: boundedText(64),
  justification: multiLineText(500),
});
export type TracingRequestCreate = z.infer<typeof TracingRequestCreateSchema>;

export const TRACING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TracingStatus = (typeof TRACING_STATUSES)[number];

/** No status: every request, newest first. A hotline agent sees only their own requests. */
export const TracingRequestListQuerySchema = z.strictObject({ status: z.enum(TRACING_STATUSES).optional() });
export type TracingRequestListQuery = z.infer<typeof TracingRequestListQuerySchema>;

export const TracingDecisionSchema = z.strictObject({
  approve: z.boolean(),
  note: multiLineText(500).optional(),
});
export type TracingDecision = z.infer<typeof TracingDecisionSchema>;

export interface TracingRequestResponse {
  id: string;
  residentId: string;
  caseReference: string;
  justification: string;
  status: TracingStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface TracingScan {
  checkpointId: string;
  checkpointName: string;
  place: string;
  region: string;
  scannedAt: string;
  color: Color | null;
  admitted: boolean;
}
