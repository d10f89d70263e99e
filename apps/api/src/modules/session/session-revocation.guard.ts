import { ApiErrorCode } from '@healthcode/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import type { AuthedRequest } from '../auth/auth.guard';
import { SessionRevocationService } from './session-revocation.service';

/**
 * Runs after AuthGuard (registered globally right after it and StaffSessionGuard): a token that verifies is
 * still refused when it was logged out, or when its resident's sessions were revoked (erasure, ID change,
 * ban). One primary-key read per authenticated request.
 */
@Injectable()
export class SessionRevocationGuard implements CanActivate {
  constructor(private readonly revocations: SessionRevocationService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const { principal, session } = request;
    if (!principal || !session) return true;
    const ended =
      principal.kind === 'resident'
        ? session.epoch !== (await this.revocations.residentEpoch(principal.residentId))
        : session.tokenId !== null && (await this.revocations.isRevoked(session.tokenId));
    if (ended) throw new DomainException(ApiErrorCode.Unauthenticated, 'Your session has ended: please log in again');
    return true;
  }
}
