import { z } from 'zod';

import { explainResidentIdError, isValidPassportNumber } from './id-number.util';
import { multiLineText } from './zod-fields.util';

/** Where a resident's ID number stands. Only a `verified` number has authority facts matched to it. */
export const VERIFICATION_STATES = ['unverified', 'verified', 'rejected'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** How an ID number was proven: a host app's real-name check, the dev host, or a hotline document check. */
export const VERIFICATION_METHODS = ['dev', 'alipay', 'wechat', 'hotline'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The exact answer a second claimant of a bound ID number gets, whatever the other account holds. */
export const ID_NUMBER_TAKEN_MESSAGE =
  'This ID number is already registered. If it is yours, verify with your host app or call the hotline.';

export interface VerificationView {
  state: VerificationState;
  /** How and when, for a verified number; null otherwise. */
  method: VerificationMethod | null;
  verifiedAt: string | null;
  /** Why the last attempt failed, for a rejected number (plain words, nothing personal). */
  rejectedReason: string | null;
}

/**
 * Proof that the signed-in resident owns their profile's ID number. Each method carries what its host handed
 * the mini-program: Alipay an auth code granted with the `auth_user` scope, WeChat the `verifyId` the face check
 * ran under. The dev host needs nothing: it already knows which numbers its user owns.
 */
export const VerificationRequestSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('dev') }),
  z.strictObject({ method: z.literal('alipay'), authCode: z.string().min(1).max(128) }),
  z.strictObject({ method: z.literal('wechat'), verifyId: z.string().min(1).max(128) }),
]);
export type VerificationRequest = z.infer<typeof VerificationRequestSchema>;

/**
 * `POST /me/verification/wechat`: a fresh `wx.login` code proves the caller is the WeChat user who logged in; the
 * server then asks WeChat for a verify id bound to the profile's name and number, for `wx.requestFacialVerify`.
 */
export const WechatVerifyStartRequestSchema = z.strictObject({ code: z.string().min(1).max(128) });
export type WechatVerifyStartRequest = z.infer<typeof WechatVerifyStartRequestSchema>;

export interface WechatVerifyStartResponse {
  verifyId: string;
  /** Seconds the face check may still be started with this id. */
  expiresIn: number;
}

/** Dev host only: the dev host records that its user `user` (the `<name>` of `dev-<name>`) owns this ID number. */
export const DevHostCertificationSchema = z
  .strictObject({
    user: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'A dev user name: lowercase letters, digits, - and _'),
    idType: z.enum(['resident-id', 'passport']),
    idNumber: z.string().trim().toUpperCase().min(1, 'Required').max(32, 'At most 32 characters'),
  })
  .superRefine((v, ctx) => {
    const valid = v.idType === 'resident-id' ? !explainResidentIdError(v.idNumber) : isValidPassportNumber(v.idNumber);
    if (!valid)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'Not a valid number of this document type' });
  });
export type DevHostCertification = z.infer<typeof DevHostCertificationSchema>;

/** The papers a hotline agent may check for a resident whom no host app can verify. */
export const HOTLINE_DOCUMENT_TYPES = [
  'resident-id-card',
  'temporary-id-card',
  'household-register',
  'passport',
  'residence-permit',
] as const;
export type HotlineDocumentType = (typeof HOTLINE_DOCUMENT_TYPES)[number];

/** A hotline verification waits for a second person: a supervisor other than the agent who filed it. */
export const HOTLINE_VERIFICATION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type HotlineVerificationStatus = (typeof HOTLINE_VERIFICATION_STATUSES)[number];

/**
 * `POST /staff/identity-verifications`: the agent states whose profile (the resident id from the hotline
 * lookup), the number printed on the document they checked (it must be the profile's number), what document,
 * why, and the call it came from.
 */
export const HotlineVerificationCreateSchema = z
  .strictObject({
    residentId: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'A resident id (UUID)'),
    idType: z.enum(['resident-id', 'passport']),
    idNumber: z.string().trim().toUpperCase().min(1, 'Required').max(32, 'At most 32 characters'),
    documentType: z.enum(HOTLINE_DOCUMENT_TYPES),
    // Read by the supervisor who decides, and kept in the resident's history: no control or bidi characters.
    reason: multiLineText(500, { min: 10, minMessage: 'Write at least 10 characters: what you checked and why' }),
    callRef: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'A call reference: 4 to 40 letters, digits or -'),
  })
  .superRefine((v, ctx) => {
    const valid = v.idType === 'resident-id' ? !explainResidentIdError(v.idNumber) : isValidPassportNumber(v.idNumber);
    if (!valid)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'Not a valid number of this document type' });
  });
export type HotlineVerificationCreate = z.infer<typeof HotlineVerificationCreateSchema>;
export type HotlineVerificationCreateInput = z.input<typeof HotlineVerificationCreateSchema>;

/** A supervisor's decision; a refusal says why. */
export const HotlineVerificationDecisionSchema = z
  .strictObject({
    approve: z.boolean(),
    note: multiLineText(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.approve && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the verification is refused' });
  });
export type HotlineVerificationDecision = z.infer<typeof HotlineVerificationDecisionSchema>;

export const HotlineVerificationQuerySchema = z.strictObject({
  status: z.enum(HOTLINE_VERIFICATION_STATUSES).default('pending'),
});
export type HotlineVerificationQuery = z.infer<typeof HotlineVerificationQuerySchema>;

/** One hotline verification as the queue shows it: masked number only, never the full one. */
export interface HotlineVerificationView {
  id: string;
  residentId: string;
  idType: 'resident-id' | 'passport';
  idNumberMasked: string;
  documentType: HotlineDocumentType;
  reason: string;
  callRef: string;
  region: string;
  status: HotlineVerificationStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}
