import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { AuthedRequest } from './auth.guard';
import type { ResidentPrincipal, SessionClaims, StaffPrincipal } from './session-token.service';

/**
 * The resident the request is about: the caller, or the dependant a carer acts for (`X-Acting-For`, checked by
 * ActingForGuard), then with the carer as `actorId` so services can record "by <carer> for <dependant>".
 */
export const CurrentResident = createParamDecorator((_: unknown, ctx: ExecutionContext): ResidentPrincipal => {
  const request = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (request.actingFor)
    return { kind: 'resident', residentId: request.actingFor.dependantId, actorId: request.actingFor.carerId };
  return request.principal as ResidentPrincipal;
});

export const CurrentStaff = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().principal as StaffPrincipal,
);

/** The verified token's session claims (its id for a logout). */
export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().session as SessionClaims,
);
