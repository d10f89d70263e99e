import { DeclarationRequestSchema, SYMPTOMS, type DeclarationRequest, type Symptom } from '@healthcode/contracts';

import { fieldErrorsFromIssues, type FieldErrors } from '../../forms/field-errors.util';

export interface StayDraft {
  /** Stable React key; not sent. */
  key: number;
  region: string | null;
  from: string | null;
  to: string | null;
}

export interface DeclarationForm {
  currentRegion: string | null;
  stays: StayDraft[];
  /** Onset date per ticked symptom (null until picked). */
  symptoms: Partial<Record<Symptom, string | null>>;
  contact: { had: boolean; date: string | null };
}

export const EMPTY_DECLARATION: DeclarationForm = {
  currentRegion: null,
  stays: [],
  symptoms: {},
  contact: { had: false, date: null },
};

export type DeclarationValidation = { ok: true; value: DeclarationRequest } | { ok: false; errors: FieldErrors };

function tickedSymptoms(form: DeclarationForm): Symptom[] {
  return SYMPTOMS.filter((s) => s in form.symptoms);
}

/** The request body, in the API's shape (symptoms in the canonical order). */
export function toDeclarationInput(form: DeclarationForm) {
  return {
    currentRegion: form.currentRegion ?? '',
    stays: form.stays.map((s) => ({ region: s.region ?? '', from: s.from ?? '', to: s.to ?? '' })),
    symptoms: tickedSymptoms(form).map((symptom) => ({ symptom, onset: form.symptoms[symptom] ?? '' })),
    contact: form.contact.had ? { date: form.contact.date ?? '' } : null,
  };
}

/**
 * Error paths from the schema or the API index symptoms by their position in the request;
 * the form shows them beside the symptom itself (`symptoms.<name>.onset`).
 */
export function formErrorPaths(errors: FieldErrors, form: DeclarationForm): FieldErrors {
  const ticked = tickedSymptoms(form);
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const symptom = /^symptoms\.(\d+)\.(\w+)$/.exec(path);
    const key = symptom && ticked[Number(symptom[1])] ? `symptoms.${ticked[Number(symptom[1])]}.${symptom[2]}` : path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** Validates with the API's own schema; empty pickers say "Required" rather than a format hint. */
export function validateDeclaration(form: DeclarationForm): DeclarationValidation {
  const result = DeclarationRequestSchema.safeParse(toDeclarationInput(form));
  if (result.success) return { ok: true, value: result.data };
  const errors = fieldErrorsFromIssues(result.error.issues);
  if (!form.currentRegion) errors.currentRegion = 'Required';
  form.stays.forEach((stay, i) => {
    for (const field of ['region', 'from', 'to'] as const) if (!stay[field]) errors[`stays.${i}.${field}`] = 'Required';
  });
  tickedSymptoms(form).forEach((symptom, i) => {
    if (!form.symptoms[symptom]) errors[`symptoms.${i}.onset`] = 'Required';
  });
  if (form.contact.had && !form.contact.date) errors['contact.date'] = 'Required';
  return { ok: false, errors: formErrorPaths(errors, form) };
}
