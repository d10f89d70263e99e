import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { RegionRiskLevelEntity, type RiskLevel } from '../rules/region-risk-level.entity';

/** Region risk levels as intervals: setting a level closes the region's open interval, so history is kept. */
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
    await m.query(
      'UPDATE region_risk_levels SET effective_to = ? WHERE region = ? AND effective_to IS NULL AND effective_from < ?',
      [row.effectiveFrom, row.region, row.effectiveFrom],
    );
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
