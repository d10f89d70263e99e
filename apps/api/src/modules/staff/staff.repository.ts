import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { StaffEntity } from './staff.entity';

export type StaffChanges = Partial<
  Pick<
    StaffEntity,
    | 'passwordHash'
    | 'role'
    | 'regionScope'
    | 'totpSecretEnc'
    | 'totpPendingEnc'
    | 'totpLastStep'
    | 'disabled'
    | 'failedLogins'
    | 'lockedUntil'
    | 'sessionsValidAfter'
    | 'lastLoginAt'
  >
>;

@Injectable()
export class StaffRepository {
  constructor(@InjectRepository(StaffEntity) private readonly repo: Repository<StaffEntity>) {}

  get manager(): EntityManager {
    return this.repo.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.repo.manager, work, isolation);
  }

  findById(id: string): Promise<StaffEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByUsername(username: string): Promise<StaffEntity | null> {
    return this.repo.findOne({ where: { username } });
  }

  /** Accounts whose own scope lies inside `scope` (a prefix; '' is everyone), newest first. */
  listWithinScope(scope: string): Promise<StaffEntity[]> {
    const qb = this.repo.createQueryBuilder('s').orderBy('s.created_at', 'DESC');
    // Scopes are validated digit strings, so LIKE needs no escaping.
    if (scope) qb.where('s.region_scope LIKE :scope', { scope: `${scope}%` });
    return qb.getMany();
  }

  /** Reads the row under a write lock: concurrent failed logins and admin actions on it serialise. */
  findForUpdate(manager: EntityManager, id: string): Promise<StaffEntity | null> {
    return manager.getRepository(StaffEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, row: StaffEntity): Promise<void> {
    // A copy: TypeORM writes column defaults back into the object it inserts (as raw 0/1).
    await manager.getRepository(StaffEntity).insert({ ...row } as QueryDeepPartialEntity<StaffEntity>);
  }

  async update(manager: EntityManager, id: string, changes: StaffChanges): Promise<void> {
    await manager.getRepository(StaffEntity).update({ id }, changes);
  }

  /**
   * Marks a TOTP time step as used, atomically: the conditional UPDATE succeeds for exactly one of several
   * concurrent logins presenting the same code, so one code yields one session. False when it was already used.
   */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(StaffEntity)
      .set({ totpLastStep: step })
      .where('id = :id', { id: Buffer.from(id.replace(/-/g, ''), 'hex') })
      .andWhere('(totp_last_step IS NULL OR totp_last_step < :step)', { step })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Only for a new account whose privileged role was refused: it never had a session. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(StaffEntity).delete({ id });
  }

  countActiveWithRole(role: StaffEntity['role'], manager: EntityManager = this.repo.manager): Promise<number> {
    return manager.getRepository(StaffEntity).count({ where: { role, disabled: false } });
  }

  /** Every account with a TOTP secret, for re-encryption under a new key. */
  findWithTotp(afterId: string | null, limit: number): Promise<StaffEntity[]> {
    const qb = this.repo
      .createQueryBuilder('s')
      .where('s.totp_secret_enc IS NOT NULL')
      .orderBy('s.id', 'ASC')
      .limit(limit);
    if (afterId) qb.andWhere('s.id > :afterId', { afterId: Buffer.from(afterId.replace(/-/g, ''), 'hex') });
    return qb.getMany();
  }
}
