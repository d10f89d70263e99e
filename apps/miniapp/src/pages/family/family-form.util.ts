import {
  type AddAdultRequest,
  AddAdultRequestSchema,
  type AddMinorRequest,
  AddMinorRequestSchema,
  type IdType,
} from '@healthcode/contracts';

import { type FieldErrors, fieldErrorsFromIssues } from '../../forms/field-errors.util';

export interface ChildForm {
  name: string;
  idType: IdType;
  idNumber: string;
  birthDate: string;
  homeRegion: string | null;
  guardian: boolean;
}

export const EMPTY_CHILD_FORM: ChildForm = {
  name: '',
  idType: 'resident-id',
  idNumber: '',
  birthDate: '',
  homeRegion: null,
  guardian: false,
};

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The child form checked with the API's own schema, so the same messages show before sending. */
export function validateChild(form: ChildForm, consentVersion: string): Checked<AddMinorRequest> {
  const parsed = AddMinorRequestSchema.safeParse({
    consentVersion,
    guardianDeclaration: form.guardian,
    name: form.name,
    idType: form.idType,
    idNumber: form.idNumber,
    ...(form.idType === 'passport' && form.birthDate ? { birthDate: form.birthDate.trim() } : {}),
    homeRegion: form.homeRegion ?? '',
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = fieldErrorsFromIssues(parsed.error.issues);
  if (errors.guardianDeclaration) errors.guardian = errors.guardianDeclaration;
  return { ok: false, errors };
}

export function validateAdult(idNumber: string): Checked<AddAdultRequest> {
  const parsed = AddAdultRequestSchema.safeParse({ idType: 'resident-id', idNumber });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}
