import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, Not, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { newId } from '../../database/uuid-binary.transformer';
import { RegionRiskLevelEntity } from './region-risk-level.entity';
import { RuleSetEntity } from './rule-set.entity';

@Injectable()
export class RulesRepository {
  constructor(
    @InjectRepository(RuleSetEntity) private readonly ruleSets: Repository<RuleSetEntity>,
    @InjectRepository(RegionRiskLevelEntity) private readonly riskLevels: Repository<RegionRiskLevelEntity>,
  ) {}

  /** The newest published rule set already in effect at `now`. */
  effectiveRuleSet(now: Date): Promise<RuleSetEntity | null> {
    return this.ruleSets.findOne({
      where: { status: 'published', effectiveAt: LessThanOrEqual(now) },
      order: { version: 'DESC' },
    });
  }

  publishedRuleSets(): Promise<RuleSetEntity[]> {
    return this.ruleSets.find({ where: { status: 'published', version: Not(IsNull()) }, order: { version: 'DESC' } });
  }

  /** Every decision in force or scheduled; retracted ones count for nothing. */
  allRiskLevels(): Promise<RegionRiskLevelEntity[]> {
    return this.riskLevels.find({ where: { retractedAt: IsNull() }, order: { effectiveFrom: 'ASC' } });
  }

  async insertPublished(row: Omit<RuleSetEntity, 'id' | 'status'>): Promise<void> {
    await this.ruleSets.insert({ ...row, id: newId(), status: 'published' } as QueryDeepPartialEntity<RuleSetEntity>);
  }

  async insertRiskLevel(row: Omit<RegionRiskLevelEntity, 'id'>): Promise<void> {
    await this.riskLevels.insert({ ...row, id: newId() });
  }
}
