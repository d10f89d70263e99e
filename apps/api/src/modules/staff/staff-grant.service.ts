import { ApiErrorCode, type StaffGrantListQuery, type StaffGrantView } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { wallClock } from '../clock/wall-clock';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { assertInScope } from '../security/region-scope.util';
import type { StaffRoleGrantEntity } from './staff-role-grant.entity';
import { StaffRoleGrantRepository } from './staff-role-grant.repository';
import { toStaffGrantView } from './staff-view.util';
import type { StaffEntity } from './staff.entity';
import { StaffRepository } from './staff.repository';

/**
 * The second pair of eyes on privileged roles: a pending grant is approved or refused by a system-admin other
 * than the one who asked, and other than the account it is for, within their scope. Approval applies the role
 * (ending the account's sessions) or enables a new account; refusing a new account removes it (it never had a
 * session). The decision, the account change and the audit entry commit together.
 */
@Injectable()
export class StaffGrantService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly grants: StaffRoleGrantRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(admin: StaffPrincipal, query: StaffGrantListQuery): Promise<{ items: StaffGrantView[] }> {
    const rows = await this.grants.listWithinScope(admin.regionScope, query.status);
    return { items: rows.map(({ grant, names }) => toStaffGrantView(grant, names)) };
  }

  approve(admin: StaffPrincipal, id: string): Promise<StaffGrantView> {
    return this.decide(admin, id, 'approved', null, async (manager, grant, row) => {
      if (grant.kind === 'create') {
        await this.staff.update(manager, row.id, { disabled: false });
        return;
      }
      await this.staff.update(manager, row.id, {
        role: grant.role,
        regionScope: grant.regionScope,
        sessionsValidAfter: wallClock.now(),
      });
    });
  }

  refuse(admin: StaffPrincipal, id: string, reason: string | null): Promise<StaffGrantView> {
    return this.decide(admin, id, 'refused', reason, async (manager, grant, row) => {
      if (grant.kind === 'create') await this.staff.delete(manager, row.id);
    });
  }

  private async decide(
    admin: StaffPrincipal,
    id: string,
    status: 'approved' | 'refused',
    reason: string | null,
    apply: (manager: EntityManager, grant: StaffRoleGrantEntity, row: StaffEntity) => Promise<void>,
  ): Promise<StaffGrantView> {
    const decided = await this.staff.transaction(async (manager) => {
      const grant = await this.grants.findForUpdate(manager, id);
      if (!grant) throw new DomainException(ApiErrorCode.NotFound, 'No such role grant');
      assertInScope(admin, grant.regionScope, 'This role grant');
      if (grant.status !== 'pending')
        throw new DomainException(ApiErrorCode.IllegalTransition, 'This role grant was already decided');
      if (grant.requestedBy === admin.staffId)
        throw new DomainException(
          ApiErrorCode.Forbidden,
          'A second system-admin must decide this grant: you asked for it',
        );
      if (grant.staffId === admin.staffId)
        throw new DomainException(ApiErrorCode.Forbidden, 'You cannot decide a role grant for your own account');
      const row = await this.staff.findForUpdate(manager, grant.staffId);
      if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such staff account');
      assertInScope(admin, row.regionScope, 'This account');
      await apply(manager, grant, row);
      const decision = { status, decidedBy: admin.staffId, decidedAt: this.clock.now(), reason };
      await this.grants.decide(manager, id, decision);
      await this.audit.record(
        {
          actor: staffActor(admin),
          action: status === 'approved' ? 'staff.grant-approved' : 'staff.grant-refused',
          target: { type: 'staff', id: grant.staffId },
          region: grant.regionScope || null,
          details: {
            grantId: grant.id,
            kind: grant.kind,
            role: grant.role,
            regionScope: grant.regionScope,
            requestedBy: grant.requestedBy,
            ...(status === 'refused' && grant.kind === 'create' ? { accountRemoved: true } : {}),
          },
        },
        manager,
      );
      return { ...grant, ...decision };
    });
    const names = await this.grants.displayNames([decided.requestedBy, admin.staffId]);
    return toStaffGrantView(decided, names);
  }
}
