import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { AuthedRequest } from './auth.guard';
import type { ResidentPrincipal, SessionClaims, StaffPrincipal } from './session-token.service';

export const CurrentResident = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().principal as ResidentPrincipal,
);

export const CurrentStaff = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().principal as StaffPrincipal,
);

/** The verified token's session claims (its id for a logout). */
export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().session as SessionClaims,
);
