import { AppealCreateRequestSchema, appealReasonKey, type CodeReason } from '@healthcode/contracts';

import { type FieldErrors, fieldErrorsFromIssues } from '../../forms/field-errors.util';

export interface AppealFormState {
  /** A key of the categories the region responsible offers (`GET /me/appeal-categories`). */
  category: string | null;
  statement: string;
}

/** The fields that identify the appealed reason, exactly as `appealReasonKey` reads them. */
export function reasonFields(reason: CodeReason): {
  ruleId: string;
  factKind: string;
  factRef?: string;
  factDate?: string;
} {
  const [ruleId, factKind, factRef, factDate] = appealReasonKey(reason).split('|');
  return { ruleId, factKind, factRef: factRef || undefined, factDate: factDate || undefined };
}

export function findReason(reasons: readonly CodeReason[], key: string): CodeReason | null {
  return reasons.find((r) => appealReasonKey(r) === key) ?? null;
}

/** The multipart text fields, or the problems per field (checked with the API's own schema). */
export function appealFields(
  reason: CodeReason,
  form: AppealFormState,
): { ok: true; fields: Record<string, string | undefined> } | { ok: false; errors: FieldErrors } {
  const parsed = AppealCreateRequestSchema.safeParse({
    ...reasonFields(reason),
    category: form.category ?? undefined,
    statement: form.statement,
  });
  if (!parsed.success) return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
  return { ok: true, fields: { ...parsed.data } };
}
