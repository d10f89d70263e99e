import type { FieldError } from '@healthcode/contracts';
import type { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

import { RequestValidationException } from './request-validation.exception';

export function zodFieldErrors(
  issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[],
): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message:
      issue.code === 'unrecognized_keys' && issue.keys ? `Unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** Validates one request part (body or query) against a contract schema; unknown fields are refused. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    // The input stays on the issues (never in the answer) so zod can word its messages again in Chinese.
    const result = this.schema.safeParse(value ?? {}, { reportInput: true });
    if (result.success) return result.data;
    const errors = zodFieldErrors(result.error.issues as never);
    const first = errors[0];
    const message = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid request';
    throw new RequestValidationException(message, errors, result.error.issues);
  }
}
