import type { StaffGrantStatus } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { StaffRoleGrantEntity } from './staff-role-grant.entity';
import { StaffEntity } from './staff.entity';

/** A grant with the display names of the requester and the decider (for the console's list). */
export interface StaffGrantRow {
  grant: StaffRoleGrantEntity;
  names: ReadonlyMap<string, string>;
}

const LIST_LIMIT = 200;

@Injectable()
export class StaffRoleGrantRepository {
  constructor(@InjectRepository(StaffRoleGrantEntity) private readonly repo: Repository<StaffRoleGrantEntity>) {}

  async insert(manager: EntityManager, row: StaffRoleGrantEntity): Promise<void> {
    await manager
      .getRepository(StaffRoleGrantEntity)
      .insert({ ...row } as QueryDeepPartialEntity<StaffRoleGrantEntity>);
  }

  findForUpdate(manager: EntityManager, id: string): Promise<StaffRoleGrantEntity | null> {
    return manager.getRepository(StaffRoleGrantEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findPendingForStaff(manager: EntityManager, staffId: string): Promise<StaffRoleGrantEntity | null> {
    return manager.getRepository(StaffRoleGrantEntity).findOne({ where: { staffId, status: 'pending' } });
  }

  async decide(
    manager: EntityManager,
    id: string,
    changes: Pick<StaffRoleGrantEntity, 'status' | 'decidedBy' | 'decidedAt' | 'reason'>,
  ): Promise<void> {
    await manager.getRepository(StaffRoleGrantEntity).update({ id }, changes);
  }

  /** Pending grant ids by account, for the accounts listed. */
  async pendingByStaff(staffIds: readonly string[]): Promise<Map<string, string>> {
    if (staffIds.length === 0) return new Map();
    const rows = await this.repo.find({ where: { staffId: In([...staffIds]), status: 'pending' } });
    return new Map(rows.map((r) => [r.staffId, r.id]));
  }

  /**
   * Grants whose requested scope lies inside `scope` ('' is everything), newest first, with the names of the
   * people involved. A refused new account no longer exists: its grant keeps the user name it asked for.
   */
  async listWithinScope(scope: string, status?: StaffGrantStatus): Promise<StaffGrantRow[]> {
    const qb = this.repo.createQueryBuilder('g').orderBy('g.requested_at', 'DESC').limit(LIST_LIMIT);
    // Scopes are validated digit strings, so LIKE needs no escaping.
    if (scope) qb.andWhere('g.region_scope LIKE :scope', { scope: `${scope}%` });
    if (status) qb.andWhere('g.status = :status', { status });
    const grants = await qb.getMany();
    const names = await this.displayNames(
      grants.flatMap((g) => [g.requestedBy, ...(g.decidedBy ? [g.decidedBy] : [])]),
    );
    return grants.map((grant) => ({ grant, names }));
  }

  async displayNames(staffIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const ids = [...new Set(staffIds)];
    if (ids.length === 0) return new Map();
    const people = await this.repo.manager
      .getRepository(StaffEntity)
      .find({ where: { id: In(ids) }, select: { id: true, displayName: true } });
    return new Map(people.map((p) => [p.id, p.displayName]));
  }
}
