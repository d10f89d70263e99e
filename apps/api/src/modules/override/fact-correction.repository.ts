import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { newId } from '../../database/uuid-binary.transformer';
import { FactCorrectionEntity } from './fact-correction.entity';

/** Writes "this authority row is not this resident"; reading is done where facts are loaded (FactsRepository). */
@Injectable()
export class FactCorrectionRepository {
  /** Idempotent: correcting the same row twice keeps one correction. */
  async insert(manager: EntityManager, row: Omit<FactCorrectionEntity, 'id'>): Promise<void> {
    await manager
      .getRepository(FactCorrectionEntity)
      .createQueryBuilder()
      .insert()
      .values({ ...row, id: newId() } as QueryDeepPartialEntity<FactCorrectionEntity>)
      .orIgnore()
      .execute();
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(FactCorrectionEntity).delete({ residentId })).affected ?? 0;
  }
}
