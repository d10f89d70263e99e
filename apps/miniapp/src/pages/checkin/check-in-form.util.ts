import { CheckInRequestSchema, type CheckInRequest, type CodeStep, type Symptom } from '@healthcode/contracts';

import type { FieldErrors } from '../../forms/field-errors.util';
import { fieldErrorsFromIssues } from '../../forms/field-errors.util';

export interface CheckInForm {
  healthy: boolean | null;
  /** As typed; empty when not measured. */
  temperature: string;
  symptoms: Symptom[];
}

export const EMPTY_CHECK_IN: CheckInForm = { healthy: null, temperature: '', symptoms: [] };

export type CheckInValidation = { ok: true; value: CheckInRequest } | { ok: false; errors: FieldErrors };

export function validateCheckIn(form: CheckInForm): CheckInValidation {
  if (form.healthy === null) return { ok: false, errors: { healthy: 'choose-wellness' } };
  const typed = form.temperature.trim().replace(',', '.');
  const temperature = typed === '' ? undefined : Number(typed);
  if (temperature !== undefined && !Number.isFinite(temperature))
    return { ok: false, errors: { temperature: 'temperature' } };
  const result = CheckInRequestSchema.safeParse({
    healthy: form.healthy,
    ...(temperature !== undefined ? { temperature } : {}),
    ...(form.healthy ? {} : { symptoms: form.symptoms }),
  });
  if (result.success) return { ok: true, value: result.data };
  const errors = fieldErrorsFromIssues(result.error.issues);
  // The schema's range message is zod's default; the form has a clearer one.
  if (errors.temperature) errors.temperature = 'temperature';
  return { ok: false, errors };
}

export interface CheckInReminder {
  done: number;
  total: number;
  remaining: number;
}

/**
 * The step of the code that counts daily check-ins (its id mentions check-in), else the only
 * step that counts anything. Null when check-ins do not matter for this code.
 */
export function checkInReminder(steps: readonly CodeStep[]): CheckInReminder | null {
  const counted = steps.filter((s) => s.progress);
  const step = counted.find((s) => /check-?in/i.test(s.id)) ?? (counted.length === 1 ? counted[0] : undefined);
  if (!step?.progress) return null;
  const { done, total } = step.progress;
  return { done, total, remaining: Math.max(0, total - done) };
}
