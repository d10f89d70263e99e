import { ProfileUpsertRequestSchema, type IdType, type ProfileUpsertRequest } from '@healthcode/contracts';

import { fieldErrorsFromIssues, type FieldErrors } from '../../forms/field-errors.util';

export interface SignupForm {
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  homeRegion: string | null;
}

export const EMPTY_SIGNUP_FORM: SignupForm = {
  name: '',
  idType: 'resident-id',
  idNumber: '',
  phone: '',
  homeRegion: null,
};

export type SignupValidation = { ok: true; value: ProfileUpsertRequest } | { ok: false; errors: FieldErrors };

const TEXT_FIELDS = ['name', 'idNumber', 'phone'] as const;

/**
 * Validates with the very schema the API uses (ID check digit, phone, region code), so the resident
 * sees the same verdict before sending. An empty field says "Required" rather than a format hint.
 */
export function validateSignup(form: SignupForm, consentVersion: string | null): SignupValidation {
  const result = ProfileUpsertRequestSchema.safeParse({
    consentVersion: consentVersion ?? undefined,
    name: form.name,
    idType: form.idType,
    idNumber: form.idNumber,
    phone: form.phone,
    homeRegion: form.homeRegion ?? '',
  });
  if (result.success) return { ok: true, value: result.data };
  const errors = fieldErrorsFromIssues(result.error.issues);
  for (const field of TEXT_FIELDS) if (!form[field].trim()) errors[field] = 'Required';
  if (!form.homeRegion) errors.homeRegion = 'Required';
  return { ok: false, errors };
}
