import { z } from 'zod';

import { explainResidentIdError, isValidPassportNumber } from './id-number.util';
import { isValidPhone, normalizePhone } from './phone.util';
import { countyRegionCode } from './region-code.contract';
import type { AccessTokenResponse } from './auth.contract';
import type { VerificationView } from './verification.contract';
import { boundedText } from './zod-fields.util';

export const ID_TYPES = ['resident-id', 'passport'] as const;
export type IdType = (typeof ID_TYPES)[number];

const ID_ERROR_MESSAGES: Record<string, string> = {
  length: 'A resident ID number has 18 characters',
  format: 'A resident ID number is 17 digits followed by a digit or X',
  'birth-date': 'The birth date inside the ID number is not a real past date',
  region: 'The first two digits of the ID number are not a province code',
  'check-digit': 'The last character (check digit) does not match: please re-check the number',
};

export const ProfileUpsertRequestSchema = z
  .strictObject({
    consentVersion: z.string({ error: 'Accept the consent text first' }).min(1).max(32),
    name: boundedText(64),
    idType: z.enum(ID_TYPES),
    idNumber: z.string().trim().toUpperCase().min(1, 'Required').max(32, 'At most 32 characters'),
    phone: z
      .string()
      .max(20, 'At most 20 characters')
      .transform(normalizePhone)
      .refine(isValidPhone, 'Use a mainland mobile number such as 13812345678'),
    homeRegion: countyRegionCode(),
  })
  .superRefine((v, ctx) => {
    if (v.idType === 'resident-id') {
      const problem = explainResidentIdError(v.idNumber);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['idNumber'],
          message: ID_ERROR_MESSAGES[problem] ?? 'Invalid ID number',
        });
    } else if (!isValidPassportNumber(v.idNumber)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'A passport number has 5 to 17 letters and digits' });
    }
  });
export type ProfileUpsertRequest = z.infer<typeof ProfileUpsertRequestSchema>;

export interface ProfileResponse {
  registered: boolean;
  consentVersion: string | null;
  /** Masked for display: `张**`. */
  name: string | null;
  idType: IdType | null;
  /** Masked: `3301**********1234`. */
  idNumber: string | null;
  /** Masked: `138****5678`. */
  phone: string | null;
  homeRegion: string | null;
  currentRegion: string | null;
  /** Whether the ID number is proven to be this resident's; facts and a code need `verified`. */
  verification: VerificationView;
  /**
   * Only when a profile change replaced the ID number: every session of the account was ended (another device
   * may have been someone else's), and this is the caller's new one.
   */
  session?: AccessTokenResponse;
}

export interface ConsentResponse {
  version: string;
  title: { 'zh-CN': string; en: string };
  body: { 'zh-CN': string; en: string };
}
