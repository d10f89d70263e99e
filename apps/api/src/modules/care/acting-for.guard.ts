import { ACTING_FOR_HEADER, ApiErrorCode } from '@healthcode/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { DomainException } from '../../common/domain.exception';
import { routeMetadata } from '../../common/route-metadata.util';
import { isUuid } from '../../database/uuid-binary.transformer';
import { ACTS_FOR_METADATA, type CareAction } from '../auth/acts-for.decorator';
import type { AuthedRequest } from '../auth/auth.guard';
import { CareLinkService } from './care-link.service';

/**
 * Runs after AuthGuard and the session guards: a request carrying `X-Acting-For` is served for that dependant only
 * on a route marked `@ActsFor`, only for a resident, and only over an active care link. It then answers exactly
 * what the dependant would get (CurrentResident names the dependant): proxying never widens what anyone sees.
 */
@Injectable()
export class ActingForGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly links: CareLinkService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers[ACTING_FOR_HEADER];
    if (header === undefined) return true;
    const action = routeMetadata<CareAction>(this.reflector, ACTS_FOR_METADATA, context);
    if (!action)
      throw new DomainException(
        ApiErrorCode.ActingForNotAllowed,
        'A carer cannot do this for someone else: send the request without X-Acting-For',
      );
    const principal = request.principal;
    if (principal?.kind !== 'resident')
      throw new DomainException(ApiErrorCode.Forbidden, 'Only residents can act for a family member');
    if (typeof header !== 'string' || !isUuid(header))
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        'X-Acting-For must be the id of one of your dependants',
        [{ path: 'X-Acting-For', message: 'Expected a dependant id' }],
      );
    const dependantId = header.toLowerCase();
    await this.links.assertActive(principal.residentId, dependantId);
    request.actingFor = { carerId: principal.residentId, dependantId, action };
    return true;
  }
}
