import { ApiErrorCode, TOTP_ROLES } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { newId } from '../../database/uuid-binary.transformer';
import { wallClock } from '../clock/wall-clock';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { assertInScope } from '../security/region-scope.util';
import { passwordProblem } from './password-policy.util';
import type { CreateStaffAccountRequest, StaffAccountView, StaffAccountWithTotp } from './staff-account.dto';
import { hashPassword } from './staff-password.util';
import { newTotpSecret, totpEnrollment } from './staff-totp.util';
import { toStaffAccountView } from './staff-view.util';
import type { StaffEntity } from './staff.entity';
import { StaffRepository } from './staff.repository';

/** Compared with a token's `iat`, which the token service stamps from the wall clock (not the service Clock). */
const sessionCutoff = () => wallClock.now();

/**
 * What a system-admin does to staff accounts. Each change and its audit entry commit together; a
 * system-admin acts only on accounts whose scope lies inside their own, and never disables themselves
 * or the last active system-admin.
 */
@Injectable()
export class StaffAccountService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly crypto: PiiCryptoService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(admin: StaffPrincipal): Promise<{ items: StaffAccountView[] }> {
    const now = this.clock.now();
    return { items: (await this.staff.listWithinScope(admin.regionScope)).map((s) => toStaffAccountView(s, now)) };
  }

  async create(admin: StaffPrincipal, input: CreateStaffAccountRequest): Promise<StaffAccountWithTotp> {
    assertInScope(admin, input.regionScope, 'The new account’s region scope');
    const now = this.clock.now();
    const totpSecret = TOTP_ROLES.includes(input.role) ? newTotpSecret() : null;
    const row: StaffEntity = {
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      regionScope: input.regionScope,
      totpSecretEnc: totpSecret ? this.crypto.encrypt(totpSecret) : null,
      totpLastStep: null,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      sessionsValidAfter: null,
      lastLoginAt: null,
      createdBy: admin.staffId,
      createdAt: now,
    };
    await this.staff.transaction(async (manager) => {
      if (await this.staff.findByUsername(input.username))
        throw new DomainException(ApiErrorCode.Conflict, 'That user name is taken');
      await this.staff.insert(manager, row).catch((error: { code?: string }) => {
        throw error.code === 'ER_DUP_ENTRY'
          ? new DomainException(ApiErrorCode.Conflict, 'That user name is taken')
          : error;
      });
      await this.record(manager, admin, 'staff.created', row, {
        username: row.username,
        role: row.role,
        regionScope: row.regionScope,
        totpEnabled: totpSecret !== null,
      });
    });
    return {
      account: toStaffAccountView(row, now),
      totp: totpSecret ? totpEnrollment(row.username, totpSecret) : null,
    };
  }

  async disable(admin: StaffPrincipal, id: string): Promise<StaffAccountView> {
    if (id === admin.staffId) throw new DomainException(ApiErrorCode.Conflict, 'You cannot disable your own account');
    return this.change(admin, id, 'staff.disabled', async (manager, row) => {
      if (
        row.role === 'system-admin' &&
        !row.disabled &&
        (await this.staff.countActiveWithRole('system-admin', manager)) <= 1
      ) {
        throw new DomainException(ApiErrorCode.Conflict, 'This is the last active system-admin account');
      }
      return { disabled: true, sessionsValidAfter: sessionCutoff() };
    });
  }

  enable(admin: StaffPrincipal, id: string): Promise<StaffAccountView> {
    return this.change(admin, id, 'staff.enabled', async () => ({ disabled: false }));
  }

  /** Also lifts a lock and ends every session of the account. */
  resetPassword(admin: StaffPrincipal, id: string, password: string): Promise<StaffAccountView> {
    return this.change(admin, id, 'staff.password-reset', async (_manager, row) => {
      const problem = passwordProblem(password, row.username);
      if (problem)
        throw new DomainException(ApiErrorCode.ValidationFailed, `password: ${problem}`, [
          { path: 'password', message: problem },
        ]);
      return {
        passwordHash: await hashPassword(password),
        failedLogins: 0,
        lockedUntil: null,
        sessionsValidAfter: sessionCutoff(),
      };
    });
  }

  async resetTotp(admin: StaffPrincipal, id: string): Promise<StaffAccountWithTotp> {
    let secret = '';
    const account = await this.change(admin, id, 'staff.totp-reset', async (_manager, row) => {
      if (!TOTP_ROLES.includes(row.role))
        throw new DomainException(ApiErrorCode.Conflict, `The ${row.role} role does not use an authenticator`);
      secret = newTotpSecret();
      return { totpSecretEnc: this.crypto.encrypt(secret), totpLastStep: null, sessionsValidAfter: sessionCutoff() };
    });
    return { account, totp: totpEnrollment(account.username, secret) };
  }

  /** Locks the row, checks scope, applies the change and records it, all in one transaction. */
  private async change(
    admin: StaffPrincipal,
    id: string,
    action: string,
    decide: (manager: EntityManager, row: StaffEntity) => Promise<Partial<StaffEntity>>,
  ): Promise<StaffAccountView> {
    const updated = await this.staff.transaction(async (manager) => {
      const row = await this.staff.findForUpdate(manager, id);
      if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such staff account');
      assertInScope(admin, row.regionScope, 'This account');
      const changes = await decide(manager, row);
      await this.staff.update(manager, id, changes);
      await this.record(manager, admin, action, row, {
        changed: Object.keys(changes)
          .filter((k) => k !== 'passwordHash' && k !== 'totpSecretEnc')
          .sort(),
      });
      return { ...row, ...changes };
    });
    return toStaffAccountView(updated, this.clock.now());
  }

  private async record(
    manager: EntityManager,
    admin: StaffPrincipal,
    action: string,
    target: StaffEntity,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        actor: staffActor(admin),
        action,
        target: { type: 'staff', id: target.id },
        region: target.regionScope || null,
        details,
      },
      manager,
    );
  }
}
