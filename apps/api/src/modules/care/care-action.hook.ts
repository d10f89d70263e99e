import type { FastifyInstance } from 'fastify';

import type { AccessLogRepository } from '../access-log/access-log.repository';
import type { AuthedRequest } from '../auth/auth.guard';
import type { Clock } from '../clock/clock';

/**
 * Every read and action a carer makes for a dependant goes into the dependant's access log ("by <carer> for
 * <dependant>", shown to both) once it succeeded and before the answer leaves: a refused request writes nothing,
 * and no answer is sent unrecorded (a failed write fails the request).
 *
 * A Fastify `onSend` hook rather than a Nest interceptor: `ActingForGuard` marks the request (`actingFor`) only on
 * an `@ActsFor` route with an active care link, and every payload passes here (JSON, the card's PDF), while no
 * route pays for Nest's interceptor chain.
 */
export function registerCareActionHook(fastify: FastifyInstance, accessLog: AccessLogRepository, clock: Clock): void {
  // Callback style: the common case (no carer) answers without creating a promise.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const acting = (request as AuthedRequest).actingFor;
    if (!acting || reply.statusCode >= 400) return done(null, payload);
    accessLog
      .append({
        residentId: acting.dependantId,
        actorResidentId: acting.carerId,
        staffId: null,
        role: 'carer',
        purpose: acting.action.purpose,
        scope: acting.action.scope,
        at: clock.now(),
      })
      .then(
        () => done(null, payload),
        (error: unknown) => done(error as Error),
      );
  });
}
