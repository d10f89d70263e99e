import { z } from 'zod';

import type { Color } from './color.constant';
import { explainResidentIdError, isValidPassportNumber } from './id-number.util';
import { ID_TYPES, type IdType } from './profile.contract';
import { countyRegionCode } from './region-code.contract';
import { HOTLINE_DOCUMENT_TYPES } from './verification.contract';
import { boundedText, isoDate, multiLineText } from './zod-fields.util';

/**
 * Acting for a family member (issue #19). A carer (a signed-in resident) acts for a dependant through the same
 * `/me/*` routes, naming the dependant's resident id in this header; the API checks an active care link.
 */
export const ACTING_FOR_HEADER = 'x-acting-for';

export const CARE_KINDS = ['minor', 'adult'] as const;
export type CareKind = (typeof CARE_KINDS)[number];
export const CARE_STATUSES = ['pending', 'active', 'removed'] as const;
export type CareStatus = (typeof CARE_STATUSES)[number];
export const CARE_CONSENT_METHODS = ['guardian-declaration', 'own-device', 'hotline'] as const;
export type CareConsentMethod = (typeof CARE_CONSENT_METHODS)[number];

/** Adulthood, in years, from the birth date in the ID number (or the one stated for a passport). */
export const ADULT_AGE_YEARS = 18;

const ID_MESSAGES: Record<string, string> = {
  length: 'A resident ID number has 18 characters',
  format: 'A resident ID number is 17 digits followed by a digit or X',
  'birth-date': 'The birth date inside the ID number is not a real past date',
  region: 'The first two digits of the ID number are not a province code',
  'check-digit': 'The last character (check digit) does not match: please re-check the number',
};

const idNumberField = () => z.string().trim().toUpperCase().min(1, 'Required').max(32, 'At most 32 characters');

function checkIdNumber(v: { idType: IdType; idNumber: string }, ctx: z.RefinementCtx): void {
  if (v.idType === 'resident-id') {
    const problem = explainResidentIdError(v.idNumber);
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: ID_MESSAGES[problem] ?? 'Invalid ID number' });
  } else if (!isValidPassportNumber(v.idNumber)) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'A passport number has 5 to 17 letters and digits' });
  }
}

/**
 * A child added by their guardian: the guardian declares they are the child's legal guardian (the consent), and
 * accepts the consent text on the child's behalf. A passport holder states the birth date; a resident ID carries it.
 */
export const AddMinorRequestSchema = z
  .strictObject({
    consentVersion: z.string({ error: 'Accept the consent text first' }).min(1).max(32),
    guardianDeclaration: z.literal(true, { error: 'Declare that you are the child’s legal guardian' }),
    name: boundedText(64),
    idType: z.enum(ID_TYPES),
    idNumber: idNumberField(),
    birthDate: isoDate().optional(),
    homeRegion: countyRegionCode(),
  })
  .superRefine((v, ctx) => {
    checkIdNumber(v, ctx);
    if (v.idType === 'passport' && !v.birthDate)
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Give the birth date shown in the passport' });
  });
export type AddMinorRequest = z.infer<typeof AddMinorRequestSchema>;

/** An adult who has the app: the link stays pending until they accept it on their own device. */
export const AddAdultRequestSchema = z
  .strictObject({ idType: z.enum(ID_TYPES), idNumber: idNumberField() })
  .superRefine(checkIdNumber);
export type AddAdultRequest = z.infer<typeof AddAdultRequestSchema>;

/**
 * Hotline consent of an adult without a phone (issue #19): the agent on the call checks the adult's papers and hears
 * their consent to the carer, and files it; a different supervisor approves it in the identity-verification queue,
 * which verifies the adult's ID and activates the link together.
 */
export const CareHotlineConsentSchema = z
  .strictObject({
    carerResidentId: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'A resident id (UUID)'),
    name: boundedText(64),
    idType: z.enum(ID_TYPES),
    idNumber: idNumberField(),
    birthDate: isoDate().optional(),
    homeRegion: countyRegionCode(),
    documentType: z.enum(HOTLINE_DOCUMENT_TYPES),
    reason: multiLineText(500, { min: 10, minMessage: 'Write at least 10 characters: what you checked and why' }),
    callRef: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'A call reference: 4 to 40 letters, digits or -'),
  })
  .superRefine((v, ctx) => {
    checkIdNumber(v, ctx);
    if (v.idType === 'passport' && !v.birthDate)
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Give the birth date shown in the passport' });
  });
export type CareHotlineConsent = z.infer<typeof CareHotlineConsentSchema>;
export type CareHotlineConsentInput = z.input<typeof CareHotlineConsentSchema>;

/** A care link's id in a path. */
export const CareLinkIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'A care link id (UUID)');

/** One person a carer cares for (masked), with the link's state and the dependant's colour when they have a code. */
export interface DependantView {
  linkId: string;
  /** The id to send in `X-Acting-For` once the link is active. */
  dependantId: string;
  name: string | null;
  kind: CareKind;
  status: CareStatus;
  consentMethod: CareConsentMethod | null;
  color: Color | null;
  createdAt: string;
  confirmedAt: string | null;
}

/** One carer of the signed-in resident (masked), or a pending request to become one. */
export interface CarerView {
  linkId: string;
  name: string | null;
  kind: CareKind;
  status: CareStatus;
  consentMethod: CareConsentMethod | null;
  createdAt: string;
  confirmedAt: string | null;
}

/** Names (masked) of who did what for whom, on history and access-log entries written while acting for someone. */
export interface ActedFor {
  /** The carer who acted; null once their account is erased. */
  carer: string | null;
  dependant: string | null;
}
