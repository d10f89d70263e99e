import type { Color } from '@healthcode/contracts';
import type { StaffOverrideFact } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, MoreThan, type Repository } from 'typeorm';

import { bufferToUuid, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { StaffOverrideEntity } from './staff-override.entity';

export function toOverrideFact(row: Pick<StaffOverrideEntity, 'id' | 'color' | 'until' | 'reason'>): StaffOverrideFact {
  return { color: row.color, until: row.until, reason: row.reason, ref: row.id };
}

/** Staff override facts; only approved (`active`) ones reach the scoring engine. */
@Injectable()
export class StaffOverrideRepository {
  constructor(@InjectRepository(StaffOverrideEntity) private readonly repo: Repository<StaffOverrideEntity>) {}

  async insert(manager: EntityManager, row: StaffOverrideEntity): Promise<void> {
    await manager.getRepository(StaffOverrideEntity).insert(row);
  }

  findById(manager: EntityManager, id: string): Promise<StaffOverrideEntity | null> {
    return manager.getRepository(StaffOverrideEntity).findOne({ where: { id } });
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: StaffOverrideEntity['status'],
    approvedBy: string | null,
    at: Date,
  ): Promise<void> {
    await manager
      .getRepository(StaffOverrideEntity)
      .update({ id }, { status, approvedBy, approvedAt: approvedBy ? at : null });
  }

  /** Active overrides still in force on `today` (CST date), as engine facts. */
  async activeFacts(residentId: string, today: string): Promise<StaffOverrideFact[]> {
    const rows = await this.repo.find({
      where: { residentId, status: 'active', until: MoreThan(today) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toOverrideFact);
  }

  /**
   * The same for the residents of a primary-key range at once (bulk re-scoring), read in the caller's transaction
   * by range rather than by an id list: every id of `residentIds` is a key, with [] for none.
   */
  async activeFactsForRange(
    m: EntityManager,
    range: { start: string; end: string },
    residentIds: readonly string[],
    today: string,
  ): Promise<Map<string, StaffOverrideFact[]>> {
    const byResident = new Map<string, StaffOverrideFact[]>(residentIds.map((id) => [id, []]));
    if (residentIds.length === 0) return byResident;
    const rows: { id: Buffer; resident_id: Buffer; color: Color; until: string; reason: string }[] = await m.query(
      `SELECT id, resident_id, color, until, reason FROM staff_overrides
        WHERE resident_id >= ? AND resident_id < ? AND status = 'active' AND until > ? ORDER BY created_at, id`,
      [uuidToBuffer(range.start), uuidToBuffer(range.end), today],
    );
    for (const row of rows)
      byResident.get(bufferToUuid(row.resident_id))?.push(toOverrideFact({ ...row, id: bufferToUuid(row.id) }));
    return byResident;
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(StaffOverrideEntity).delete({ residentId })).affected ?? 0;
  }
}
