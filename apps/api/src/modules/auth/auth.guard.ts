import { ApiErrorCode, type StaffRole } from '@healthcode/contracts';
import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';

import { DomainException } from '../../common/domain.exception';
import { routeMetadata } from '../../common/route-metadata.util';
import type { ActingFor } from './acts-for.decorator';
import { type Principal, type SessionClaims, SessionTokenService } from './session-token.service';

export const AUTH_METADATA = 'hc:auth';
export type AuthRequirement = { kind: 'public' } | { kind: 'resident' } | { kind: 'staff'; roles: StaffRole[] };

/** Every route states who may call it; a route without this metadata is refused (fail closed). */
export const Public = () => SetMetadata(AUTH_METADATA, { kind: 'public' } satisfies AuthRequirement);
export const ResidentOnly = () => SetMetadata(AUTH_METADATA, { kind: 'resident' } satisfies AuthRequirement);
export const StaffOnly = (...roles: StaffRole[]) =>
  SetMetadata(AUTH_METADATA, { kind: 'staff', roles } satisfies AuthRequirement);

export type AuthedRequest = FastifyRequest & { principal?: Principal; session?: SessionClaims; actingFor?: ActingFor };

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: SessionTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = routeMetadata<AuthRequirement>(this.reflector, AUTH_METADATA, context);
    if (!requirement) throw new DomainException(ApiErrorCode.Forbidden, 'This route is not open to anyone');
    if (requirement.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer '))
      throw new DomainException(ApiErrorCode.Unauthenticated, 'Log in first: send Authorization: Bearer <token>');
    const { principal, session } = await this.tokens.verifySession(header.slice(7).trim());
    // Known before the role check, so a refusal of a verified staff member can be audited (the exception filter).
    request.principal = principal;
    if (requirement.kind === 'resident' && principal.kind !== 'resident') {
      throw new DomainException(ApiErrorCode.Forbidden, 'Only residents can use this route');
    }
    if (requirement.kind === 'staff') {
      if (principal.kind !== 'staff')
        throw new DomainException(ApiErrorCode.Forbidden, 'Only staff can use this route');
      if (requirement.roles.length > 0 && !requirement.roles.includes(principal.role)) {
        throw new DomainException(ApiErrorCode.Forbidden, `Your role (${principal.role}) cannot use this route`);
      }
    }
    request.principal = principal;
    request.session = session;
    return true;
  }
}
