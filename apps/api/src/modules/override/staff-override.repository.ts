import type { Color } from '@healthcode/contracts';
import type { StaffOverrideFact } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { type ResidentScope, scopeCondition } from '../../database/resident-scope.util';
import { bufferToUuid } from '../../database/uuid-binary.transformer';
import { ACTIVE_OVERRIDE } from './active-override.sql';
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
    const byResident = await this.activeFactsFor(this.repo.manager, { kind: 'ids', ids: [residentId] }, today);
    return byResident.get(residentId) ?? [];
  }

  /**
   * The same for a scope of residents at once (a re-score range by primary-key range, a preview's listed residents),
   * read in the caller's transaction: every listed resident (or, for a range, every resident with one) is a key.
   * The one read of override facts, for a single resident and for ranges alike.
   */
  async activeFactsFor(
    m: EntityManager,
    scope: ResidentScope,
    today: string,
  ): Promise<Map<string, StaffOverrideFact[]>> {
    const byResident = new Map<string, StaffOverrideFact[]>(
      scope.kind === 'ids' ? scope.ids.map((id) => [id, []]) : [],
    );
    if (scope.kind === 'ids' && scope.ids.length === 0) return byResident;
    const where = scopeCondition('resident_id', scope);
    const rows: { id: Buffer; resident_id: Buffer; color: Color; until: string; reason: string }[] = await m.query(
      `SELECT id, resident_id, color, until, reason FROM staff_overrides
        WHERE ${where.sql} AND ${ACTIVE_OVERRIDE} ORDER BY created_at, id`,
      [...where.params, today],
    );
    for (const row of rows) {
      const residentId = bufferToUuid(row.resident_id);
      const facts = byResident.get(residentId) ?? [];
      facts.push(toOverrideFact({ ...row, id: bufferToUuid(row.id) }));
      byResident.set(residentId, facts);
    }
    return byResident;
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(StaffOverrideEntity).delete({ residentId })).affected ?? 0;
  }
}
