import { z } from 'zod';

import type { CodeHistoryEntry, CodeResponse } from './code.contract';
import type { VerificationView } from './verification.contract';
import { explainResidentIdError, isValidPassportNumber } from './id-number.util';
import { isValidPhone, normalizePhone } from './phone.util';
import { ID_TYPES, type IdType } from './profile.contract';

/** Why a staff member reads a record: the appeal they are working on, or the hotline call they are taking. */
export const LookupPurposeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('appeal'),
    appealId: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'An appeal id (UUID)'),
  }),
  z.strictObject({
    kind: z.literal('hotline-call'),
    callRef: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'A call reference: 4 to 40 letters, digits or -'),
  }),
]);
export type LookupPurpose = z.infer<typeof LookupPurposeSchema>;

/** Exactly one of `idNumber` and `phone`. Messages never repeat the number. */
export const StaffLookupRequestSchema = z
  .strictObject({
    idType: z.enum(ID_TYPES).default('resident-id'),
    idNumber: z.string().trim().toUpperCase().min(1, 'Required').max(32, 'At most 32 characters').optional(),
    phone: z
      .string()
      .max(20, 'At most 20 characters')
      .transform(normalizePhone)
      .refine(isValidPhone, 'Use a mainland mobile number such as 13812345678')
      .optional(),
    purpose: LookupPurposeSchema,
  })
  .superRefine((v, ctx) => {
    if ((v.idNumber === undefined) === (v.phone === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'Give either an ID number or a phone number' });
      return;
    }
    if (v.idNumber === undefined) return;
    const bad =
      v.idType === 'resident-id' ? explainResidentIdError(v.idNumber) !== null : !isValidPassportNumber(v.idNumber);
    if (bad)
      ctx.addIssue({
        code: 'custom',
        path: ['idNumber'],
        message: v.idType === 'resident-id' ? 'Not a valid resident ID number' : 'Not a valid passport number',
      });
  });
export type StaffLookupRequest = z.infer<typeof StaffLookupRequestSchema>;
/** What a client sends (`idType` defaults to resident-id). */
export type StaffLookupRequestInput = z.input<typeof StaffLookupRequestSchema>;

/** The code exactly as the resident sees it, minus the QR token (staff must never be able to present it). */
export type StaffCodeView = Omit<CodeResponse, 'token' | 'tokenExpiresAt'>;

export interface ResidentRecordView {
  residentId: string;
  /** Masked, as stored for display. */
  identity: {
    name: string | null;
    idType: IdType | null;
    idNumber: string | null;
    phone: string | null;
    homeRegion: string | null;
    currentRegion: string | null;
  };
  /** Whether the ID number is proven, how and when: what the hotline needs before any document check. */
  verification: VerificationView;
  /** Null while the resident has no proven ID number: there is no code, and no records are matched. */
  code: StaffCodeView | null;
  declarations: {
    id: string;
    declaredAt: string;
    currentRegion: string;
    stays: unknown[];
    symptoms: unknown[];
    contactDate: string | null;
    deleteAt: string;
  }[];
  checkIns: {
    id: string;
    day: string;
    healthy: boolean;
    temperature: number | null;
    symptoms: string[];
    deleteAt: string;
  }[];
  history: CodeHistoryEntry[];
}

export interface StaffLookupResponse {
  items: ResidentRecordView[];
  /** How the read was entered in each resident's access log. */
  purpose: string;
}
