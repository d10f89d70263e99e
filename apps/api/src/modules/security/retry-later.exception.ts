import type { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';

/** A refusal that ends by itself (a lock, a limit): answered with a Retry-After header in seconds. */
export class RetryLaterException extends DomainException {
  constructor(
    code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}
