import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { AuthedRequest } from './auth.guard';
import type { ResidentPrincipal, StaffPrincipal } from './session-token.service';

export const CurrentResident = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().principal as ResidentPrincipal,
);

export const CurrentStaff = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().principal as StaffPrincipal,
);
