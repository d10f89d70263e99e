import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThanOrEqual, type Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { newId } from '../../database/uuid-binary.transformer';
import { CodeHistoryEntity } from './code-history.entity';
import { ResidentCodeEntity } from './resident-code.entity';

@Injectable()
export class CodeRepository {
  constructor(
    @InjectRepository(ResidentCodeEntity) private readonly codes: Repository<ResidentCodeEntity>,
    @InjectRepository(CodeHistoryEntity) private readonly history: Repository<CodeHistoryEntity>,
  ) {}

  get manager(): EntityManager {
    return this.codes.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.codes.manager, work, isolation);
  }

  find(residentId: string): Promise<ResidentCodeEntity | null> {
    return this.codes.findOne({ where: { residentId } });
  }

  /** Residents whose stored evaluation may have changed by the passage of time (a greenAt or until passed). */
  async findStale(now: Date, limit: number): Promise<string[]> {
    const rows = await this.codes.find({
      select: { residentId: true },
      where: { staleAt: LessThanOrEqual(now) },
      take: limit,
    });
    return rows.map((r) => r.residentId);
  }

  findByCodeId(codeId: string): Promise<ResidentCodeEntity | null> {
    return this.codes.findOne({ where: { codeId } });
  }

  /** Reads the row under a write lock, so two writers for one resident serialise. */
  findForUpdate(manager: EntityManager, residentId: string): Promise<ResidentCodeEntity | null> {
    return manager
      .getRepository(ResidentCodeEntity)
      .findOne({ where: { residentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A resident's first code row; fails with a duplicate key if a concurrent first write won. */
  async insertNew(manager: EntityManager, row: ResidentCodeEntity): Promise<void> {
    await manager
      .getRepository(ResidentCodeEntity)
      .createQueryBuilder()
      .insert()
      .values(row as QueryDeepPartialEntity<ResidentCodeEntity>)
      .execute();
  }

  async save(manager: EntityManager, row: ResidentCodeEntity): Promise<void> {
    await manager
      .getRepository(ResidentCodeEntity)
      .createQueryBuilder()
      .insert()
      .values(row as QueryDeepPartialEntity<ResidentCodeEntity>)
      .orUpdate(
        [
          'color',
          'reasons',
          'green_at',
          'green_when',
          'steps',
          'rule_set_version',
          'code_id',
          'code_version',
          'color_changed_at',
          'region',
          'evaluated_at',
          'stale_at',
        ],
        ['resident_id'],
      )
      .execute();
  }

  /** History rows are unique per (resident, cause, causeRef): a retried change is recorded once. */
  async insertHistory(manager: EntityManager, row: Omit<CodeHistoryEntity, 'id'>): Promise<void> {
    await manager
      .getRepository(CodeHistoryEntity)
      .createQueryBuilder()
      .insert()
      .values({ ...row, id: newId() } as QueryDeepPartialEntity<CodeHistoryEntity>)
      .orIgnore()
      .execute();
  }

  listHistory(residentId: string, limit = 200): Promise<CodeHistoryEntity[]> {
    return this.history.find({ where: { residentId }, order: { at: 'DESC' }, take: limit });
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<{ codes: number; history: number }> {
    const c = await manager.delete(ResidentCodeEntity, { residentId });
    const h = await manager.delete(CodeHistoryEntity, { residentId });
    return { codes: c.affected ?? 0, history: h.affected ?? 0 };
  }
}
