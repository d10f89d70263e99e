import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, type Observable, throwError } from 'rxjs';

import { RetryLaterException } from './retry-later.exception';

/** Adds `Retry-After` to the response for refusals that expire; the exception filter writes the body. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof RetryLaterException) {
          void context
            .switchToHttp()
            .getResponse<FastifyReply>()
            .header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
        }
        return throwError(() => error);
      }),
    );
  }
}
