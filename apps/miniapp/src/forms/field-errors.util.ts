import type { FieldError } from '@healthcode/contracts';

/** Error text per dotted field path (`stays.3.to`); '' holds errors about the whole form. */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The first message per path from zod issues, in the same dotted form the API uses. */
export function fieldErrorsFromIssues(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** The API's `errors[]` (400 VALIDATION_FAILED) keyed by path, first message wins. */
export function fieldErrorsFromApi(errors: readonly FieldError[]): FieldErrors {
  return fieldErrorsFromIssues(errors.map((e) => ({ path: e.path ? e.path.split('.') : [], message: e.message })));
}

export function mapFieldErrors(errors: FieldErrors, fn: (message: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) out[path] = fn(message);
  return out;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * The errors still true once the person has changed these fields: a message about a value already changed is
 * stale (it is checked again on the next submit), and so is the form-wide one.
 */
export function withoutFieldErrors(errors: FieldErrors, ...paths: string[]): FieldErrors {
  const stale = (key: string) => key === '' || paths.some((p) => key === p || key.startsWith(`${p}.`));
  const keys = Object.keys(errors);
  if (!keys.some(stale)) return errors;
  return Object.fromEntries(keys.filter((k) => !stale(k)).map((k) => [k, errors[k]]));
}
