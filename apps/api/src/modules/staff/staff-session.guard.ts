import { ApiErrorCode } from '@healthcode/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';

import { DomainException } from '../../common/domain.exception';
import type { AuthedRequest } from '../auth/auth.guard';
import { StaffRepository } from './staff.repository';

/**
 * Runs after AuthGuard (registered right after it). A staff token is a signed claim of role and scope for
 * 8 hours; this makes it end at once when the account is disabled, its password or TOTP is reset, or its
 * role or scope no longer match. One primary-key read per staff request.
 */
@Injectable()
export class StaffSessionGuard implements CanActivate {
  constructor(private readonly staff: StaffRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const principal = request.principal;
    if (principal?.kind !== 'staff') return true;
    const account = await this.staff.findById(principal.staffId);
    const issuedAt = (decodeJwt(request.headers.authorization?.slice(7).trim() ?? '').iat ?? 0) * 1000;
    const revokedAt = account?.sessionsValidAfter?.getTime() ?? -1;
    if (
      !account ||
      account.disabled ||
      account.role !== principal.role ||
      account.regionScope !== principal.regionScope ||
      issuedAt <= revokedAt
    ) {
      throw new DomainException(ApiErrorCode.Unauthenticated, 'Your session has ended: please log in again');
    }
    return true;
  }
}
