import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { bufferToUuid, newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { AccessLogEntity } from './access-log.entity';

interface RawAccessLogRow {
  id: Buffer;
  at: Date;
  role: string;
  purpose: string;
  scope: string;
  staff_id: Buffer | null;
  actor_resident_id: Buffer | null;
  carer_name: string | null;
  dependant_name: string | null;
}

export interface AccessLogRow {
  id: string;
  at: Date;
  role: string;
  purpose: string;
  scope: string;
  /** The staff member who read the record (kept for audit; not shown to the resident). */
  staffId: string | null;
  actedFor: { carer: string | null; dependant: string | null } | null;
}

@Injectable()
export class AccessLogRepository {
  constructor(@InjectRepository(AccessLogEntity) private readonly repo: Repository<AccessLogEntity>) {}

  async append(
    row: Omit<AccessLogEntity, 'id' | 'actorResidentId'> & { actorResidentId?: string | null },
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.repo.manager)
      .getRepository(AccessLogEntity)
      .insert({ actorResidentId: null, ...row, id: newId() });
  }

  /**
   * The resident's entries and those they wrote acting for a dependant, newest first, with the masked names of a
   * carer's entries (read from the live resident rows: an erased carer's name is gone).
   */
  async listForResident(residentId: string, limit = 500): Promise<AccessLogRow[]> {
    const id = uuidToBuffer(residentId);
    const rows: RawAccessLogRow[] = await this.repo.query(
      `SELECT * FROM (
         (SELECT a.id, a.at, a.role, a.purpose, a.scope, a.staff_id, a.actor_resident_id, a.resident_id
            FROM access_log a WHERE a.resident_id = ? ORDER BY a.at DESC LIMIT ?)
         UNION
         (SELECT a.id, a.at, a.role, a.purpose, a.scope, a.staff_id, a.actor_resident_id, a.resident_id
            FROM access_log a WHERE a.actor_resident_id = ? ORDER BY a.at DESC LIMIT ?)
       ) x
       LEFT JOIN (SELECT id cid, name_masked carer_name FROM residents WHERE deleted_at IS NULL) c ON c.cid = x.actor_resident_id
       LEFT JOIN (SELECT id did, name_masked dependant_name FROM residents WHERE deleted_at IS NULL) d ON d.did = x.resident_id
       ORDER BY x.at DESC, x.id DESC LIMIT ?`,
      [id, limit, id, limit, limit],
    );
    return rows.map((r) => ({
      id: bufferToUuid(r.id),
      at: r.at,
      role: r.role,
      purpose: r.purpose,
      scope: r.scope,
      staffId: r.staff_id ? bufferToUuid(r.staff_id) : null,
      actedFor: r.actor_resident_id || r.role === 'carer' ? { carer: r.carer_name, dependant: r.dependant_name } : null,
    }));
  }

  /** A carer's erasure: their entries stay in their dependants' logs, no longer linked to them. */
  async unlinkActor(manager: EntityManager, residentId: string): Promise<number> {
    return (
      (await manager.update(AccessLogEntity, { actorResidentId: residentId }, { actorResidentId: null })).affected ?? 0
    );
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.delete(AccessLogEntity, { residentId })).affected ?? 0;
  }
}
