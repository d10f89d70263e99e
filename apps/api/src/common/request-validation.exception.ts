import { ApiErrorCode, type FieldError } from '@healthcode/contracts';
import type { core } from 'zod';

import { DomainException } from './domain.exception';

/**
 * A request that failed its contract schema. It keeps zod's issues beside the field errors, so the answer can
 * be worded in the caller's language (zod's own messages have a Chinese locale; the contracts' are catalogued).
 */
export class RequestValidationException extends DomainException {
  constructor(
    message: string,
    errors: FieldError[],
    readonly issues: readonly core.$ZodIssue[],
  ) {
    super(ApiErrorCode.ValidationFailed, message, errors);
  }
}
