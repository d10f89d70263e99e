import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { mergeMap, type Observable } from 'rxjs';

import { AccessLogRepository } from '../access-log/access-log.repository';
import type { AuthedRequest } from '../auth/auth.guard';
import { Clock } from '../clock/clock';

/**
 * Every read and action a carer makes for a dependant goes into the dependant's access log ("by <carer> for
 * <dependant>", shown to both) once it succeeded and before the answer leaves: a refused request writes nothing,
 * and no answer is sent unrecorded.
 */
@Injectable()
export class CareActionInterceptor implements NestInterceptor {
  constructor(
    private readonly accessLog: AccessLogRepository,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const acting = context.switchToHttp().getRequest<AuthedRequest>().actingFor;
    if (!acting) return next.handle();
    return next.handle().pipe(
      mergeMap(async (value) => {
        await this.accessLog.append({
          residentId: acting.dependantId,
          actorResidentId: acting.carerId,
          staffId: null,
          role: 'carer',
          purpose: acting.action.purpose,
          scope: acting.action.scope,
          at: this.clock.now(),
        });
        return value;
      }),
    );
  }
}
