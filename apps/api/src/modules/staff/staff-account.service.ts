import {
  ApiErrorCode,
  type ChangeStaffRoleRequest,
  GRANT_APPROVAL_ROLES,
  type StaffRoleChangeResult,
  TOTP_ROLES,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { newId } from '../../database/uuid-binary.transformer';
import { wallClock } from '../clock/wall-clock';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { assertInScope } from '../security/region-scope.util';
import { passwordProblem } from './password-policy.util';
import type { CreateStaffAccountRequest, StaffAccountView } from './staff-account.dto';
import { hashPassword } from './staff-password.util';
import type { StaffRoleGrantEntity } from './staff-role-grant.entity';
import { StaffRoleGrantRepository } from './staff-role-grant.repository';
import { toStaffAccountView, toStaffGrantView } from './staff-view.util';
import type { StaffEntity } from './staff.entity';
import { StaffRepository } from './staff.repository';

/** Compared with a token's `iat`, which the token service stamps from the wall clock (not the service Clock). */
const sessionCutoff = () => wallClock.now();

const needsApproval = (role: StaffEntity['role']) => GRANT_APPROVAL_ROLES.includes(role);

/**
 * What a system-admin does to staff accounts. Each change and its audit entry commit together; a
 * system-admin acts only on accounts whose scope lies inside their own, never disables themselves or the
 * last active system-admin, and never changes their own role. A privileged role (supervisor, region-admin,
 * system-admin) is only asked for here: a second system-admin decides it (StaffGrantService).
 * Authenticators are never handed over: a staff member enrolls their own at their next login.
 */
@Injectable()
export class StaffAccountService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly grants: StaffRoleGrantRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(admin: StaffPrincipal): Promise<{ items: StaffAccountView[] }> {
    const now = this.clock.now();
    const rows = await this.staff.listWithinScope(admin.regionScope);
    const pending = await this.grants.pendingByStaff(rows.map((r) => r.id));
    return { items: rows.map((s) => toStaffAccountView(s, now, pending.get(s.id) ?? null)) };
  }

  /** A privileged role makes a disabled account and a pending grant; the account works once it is approved. */
  async create(admin: StaffPrincipal, input: CreateStaffAccountRequest): Promise<StaffRoleChangeResult> {
    assertInScope(admin, input.regionScope, 'The new account’s region scope');
    const now = this.clock.now();
    const privileged = needsApproval(input.role);
    const row: StaffEntity = {
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      regionScope: input.regionScope,
      totpSecretEnc: null,
      totpPendingEnc: null,
      totpLastStep: null,
      disabled: privileged,
      failedLogins: 0,
      lockedUntil: null,
      sessionsValidAfter: null,
      lastLoginAt: null,
      createdBy: admin.staffId,
      createdAt: now,
    };
    const grant = privileged ? this.newGrant(admin, row, 'create', input, now) : null;
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
        awaitingApproval: privileged,
      });
      if (grant) await this.requestGrant(manager, admin, row, grant);
    });
    return this.result(row, now, grant, admin);
  }

  /**
   * Sets role and region scope. Both the account's current scope and the new one must lie inside the admin's.
   * A privileged result waits for a second system-admin; anything else applies at once and ends the account's
   * sessions (tokens carry the role).
   */
  async changeRole(admin: StaffPrincipal, id: string, input: ChangeStaffRoleRequest): Promise<StaffRoleChangeResult> {
    if (id === admin.staffId)
      throw new DomainException(ApiErrorCode.Conflict, 'You cannot change your own role or scope');
    const now = this.clock.now();
    return this.staff.transaction(async (manager) => {
      const row = await this.lockInScope(manager, admin, id);
      assertInScope(admin, input.regionScope, 'The new region scope');
      if (await this.grants.findPendingForStaff(manager, id))
        throw new DomainException(
          ApiErrorCode.Conflict,
          'A role change for this account is already waiting for approval',
        );
      if (row.role === input.role && row.regionScope === input.regionScope)
        throw new DomainException(ApiErrorCode.Conflict, 'The account already has this role and scope');
      await this.assertNotLastAdmin(manager, row, input.role);
      if (needsApproval(input.role)) {
        const grant = this.newGrant(admin, row, 'change', input, now);
        await this.requestGrant(manager, admin, row, grant);
        return this.result(row, now, grant, admin);
      }
      const changes = { role: input.role, regionScope: input.regionScope, sessionsValidAfter: sessionCutoff() };
      await this.staff.update(manager, id, changes);
      await this.record(manager, admin, 'staff.role-changed', row, {
        from: { role: row.role, regionScope: row.regionScope },
        to: { role: input.role, regionScope: input.regionScope },
      });
      return this.result({ ...row, ...changes }, now, null, admin);
    });
  }

  async disable(admin: StaffPrincipal, id: string): Promise<StaffAccountView> {
    if (id === admin.staffId) throw new DomainException(ApiErrorCode.Conflict, 'You cannot disable your own account');
    return this.change(admin, id, 'staff.disabled', async (manager, row) => {
      if (!row.disabled) await this.assertNotLastAdmin(manager, row, null);
      return { disabled: true, sessionsValidAfter: sessionCutoff() };
    });
  }

  enable(admin: StaffPrincipal, id: string): Promise<StaffAccountView> {
    return this.change(admin, id, 'staff.enabled', async (manager) => {
      const pending = await this.grants.findPendingForStaff(manager, id);
      if (pending?.kind === 'create')
        throw new DomainException(
          ApiErrorCode.Conflict,
          'This account waits for a second system-admin to approve its role',
        );
      return { disabled: false };
    });
  }

  /** Lifts a lock after repeated failed logins; the password and sessions stay as they are. */
  unlock(admin: StaffPrincipal, id: string): Promise<StaffAccountView> {
    return this.change(admin, id, 'staff.unlocked', async (_manager, row) => {
      if (!row.lockedUntil || row.lockedUntil <= this.clock.now())
        throw new DomainException(ApiErrorCode.Conflict, 'This account is not locked');
      return { failedLogins: 0, lockedUntil: null };
    });
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

  /**
   * Forgets the authenticator and ends every session: at the next login, after the password, the staff member
   * enrolls a new authenticator themselves (POST /v1/staff/login/enroll). No secret passes through the admin.
   */
  resetTotp(admin: StaffPrincipal, id: string): Promise<StaffAccountView> {
    return this.change(admin, id, 'staff.totp-reset', async (_manager, row) => {
      if (!TOTP_ROLES.includes(row.role))
        throw new DomainException(ApiErrorCode.Conflict, `The ${row.role} role does not use an authenticator`);
      return { totpSecretEnc: null, totpPendingEnc: null, totpLastStep: null, sessionsValidAfter: sessionCutoff() };
    });
  }

  private async lockInScope(manager: EntityManager, admin: StaffPrincipal, id: string): Promise<StaffEntity> {
    const row = await this.staff.findForUpdate(manager, id);
    if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such staff account');
    assertInScope(admin, row.regionScope, 'This account');
    return row;
  }

  /** Disabling or demoting the last active system-admin would leave nobody to manage accounts. */
  private async assertNotLastAdmin(manager: EntityManager, row: StaffEntity, newRole: StaffEntity['role'] | null) {
    if (row.role !== 'system-admin' || row.disabled || newRole === 'system-admin') return;
    if ((await this.staff.countActiveWithRole('system-admin', manager)) <= 1)
      throw new DomainException(ApiErrorCode.Conflict, 'This is the last active system-admin account');
  }

  private newGrant(
    admin: StaffPrincipal,
    row: StaffEntity,
    kind: StaffRoleGrantEntity['kind'],
    input: ChangeStaffRoleRequest,
    now: Date,
  ): StaffRoleGrantEntity {
    return {
      id: newId(),
      staffId: row.id,
      username: row.username,
      displayName: row.displayName,
      kind,
      role: input.role,
      regionScope: input.regionScope,
      previousRole: kind === 'change' ? row.role : null,
      previousRegionScope: kind === 'change' ? row.regionScope : null,
      status: 'pending',
      requestedBy: admin.staffId,
      requestedAt: now,
      decidedBy: null,
      decidedAt: null,
      reason: null,
    };
  }

  private async requestGrant(
    manager: EntityManager,
    admin: StaffPrincipal,
    row: StaffEntity,
    grant: StaffRoleGrantEntity,
  ): Promise<void> {
    await this.grants.insert(manager, grant);
    await this.record(manager, admin, 'staff.grant-requested', row, {
      grantId: grant.id,
      kind: grant.kind,
      role: grant.role,
      regionScope: grant.regionScope,
    });
  }

  private result(
    row: StaffEntity,
    now: Date,
    grant: StaffRoleGrantEntity | null,
    admin: StaffPrincipal,
  ): StaffRoleChangeResult {
    return {
      account: toStaffAccountView(row, now, grant?.id ?? null),
      grant: grant ? toStaffGrantView(grant, new Map([[admin.staffId, '']])) : null,
    };
  }

  /** Locks the row, checks scope, applies the change and records it, all in one transaction. */
  private async change(
    admin: StaffPrincipal,
    id: string,
    action: string,
    decide: (manager: EntityManager, row: StaffEntity) => Promise<Partial<StaffEntity>>,
  ): Promise<StaffAccountView> {
    const { updated, pending } = await this.staff.transaction(async (manager) => {
      const row = await this.lockInScope(manager, admin, id);
      const changes = await decide(manager, row);
      await this.staff.update(manager, id, changes);
      await this.record(manager, admin, action, row, {
        changed: Object.keys(changes)
          .filter((k) => k !== 'passwordHash' && k !== 'totpSecretEnc' && k !== 'totpPendingEnc')
          .sort(),
      });
      return { updated: { ...row, ...changes }, pending: await this.grants.findPendingForStaff(manager, id) };
    });
    return toStaffAccountView(updated, this.clock.now(), pending?.id ?? null);
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
