import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { RegionRiskLevelEntity, type RiskLevel } from '../rules/region-risk-level.entity';

/**
 * Region risk level decisions. A new decision never rewrites an older one: which one is in force on a day is the
 * engine's call (the latest decision wins), so history keeps every decision and a retraction can undo one.
 */
@Injectable()
export class RiskLevelAdminRepository {
  constructor(@InjectRepository(RegionRiskLevelEntity) private readonly levels: Repository<RegionRiskLevelEntity>) {}

  get manager(): EntityManager {
    return this.levels.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.levels.manager, work, isolation);
  }

  async set(
    m: EntityManager,
    row: { region: string; level: RiskLevel; effectiveFrom: Date; setBy: string | null },
    now: Date,
  ): Promise<RegionRiskLevelEntity> {
    const entity: RegionRiskLevelEntity = { id: newId(), ...row, effectiveTo: null, createdAt: now };
    await m.query(
      'INSERT INTO region_risk_levels (id, region, level, effective_from, effective_to, set_by, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?)',
      [
        uuidToBuffer(entity.id),
        row.region,
        row.level,
        row.effectiveFrom,
        row.setBy ? uuidToBuffer(row.setBy) : null,
        now,
      ],
    );
    return entity;
  }

  findById(id: string): Promise<RegionRiskLevelEntity | null> {
    return this.levels.findOne({ where: { id } });
  }

  /** Marks a decision retracted; false when it already was (a concurrent retraction won). */
  async retract(m: EntityManager, id: string, by: string, reason: string, now: Date): Promise<boolean> {
    const result = (await m.query(
      'UPDATE region_risk_levels SET retracted_at = ?, retracted_by = ?, retract_reason = ? WHERE id = ? AND retracted_at IS NULL',
      [now, uuidToBuffer(by), reason, uuidToBuffer(id)],
    )) as { affectedRows?: number };
    return Number(result.affectedRows ?? 0) === 1;
  }

  /** Full history of a prefix and everything under it, newest first. */
  history(prefix: string, limit = 500): Promise<RegionRiskLevelEntity[]> {
    return this.levels
      .createQueryBuilder('l')
      .where('l.region LIKE :p', { p: `${prefix}%` })
      .orderBy('l.effective_from', 'DESC')
      .limit(limit)
      .getMany();
  }
}
