import { ApiErrorCode } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { wallClock } from '../clock/wall-clock';
import { passwordProblem } from './password-policy.util';
import type { ChangeOwnPasswordRequest } from './staff-account.dto';
import { hashPassword, verifyPassword } from './staff-password.util';
import { StaffRepository } from './staff.repository';

/**
 * A staff member changes their own password. The current one is checked first (a wrong one is audited); the new one must pass the policy, breached and common lists
 * included. Every session of the account, this one too, ends with the change: the console logs in again.
 */
@Injectable()
export class StaffPasswordService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly audit: AuditService,
  ) {}

  async change(me: StaffPrincipal, request: ChangeOwnPasswordRequest): Promise<void> {
    const account = await this.staff.findById(me.staffId);
    if (!account)
      throw new DomainException(ApiErrorCode.Unauthenticated, 'Your session has ended: please log in again');
    if (!(await verifyPassword(account.passwordHash, request.currentPassword))) {
      await this.audit.record({
        actor: staffActor(me),
        action: 'staff.password-change-refused',
        target: { type: 'staff', id: me.staffId },
        region: me.regionScope || null,
        details: { reason: 'wrong-current-password' },
      });
      throw refused('currentPassword', 'The current password is wrong');
    }
    if (request.newPassword === request.currentPassword)
      throw refused('newPassword', 'Choose a password different from the current one');
    const problem = passwordProblem(request.newPassword, account.username);
    if (problem) throw refused('newPassword', problem);
    const passwordHash = await hashPassword(request.newPassword);
    await this.staff.transaction(async (manager) => {
      // Compared with token `iat`, which the token service stamps from the wall clock.
      await this.staff.update(manager, me.staffId, { passwordHash, sessionsValidAfter: wallClock.now() });
      await this.audit.record(
        {
          actor: staffActor(me),
          action: 'staff.password-changed',
          target: { type: 'staff', id: me.staffId },
          region: me.regionScope || null,
          details: {},
        },
        manager,
      );
    });
  }
}

function refused(path: string, message: string): DomainException {
  return new DomainException(ApiErrorCode.ValidationFailed, `${path}: ${message}`, [{ path, message }]);
}
