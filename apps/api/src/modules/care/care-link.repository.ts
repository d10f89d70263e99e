import type { Color } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { bufferToUuid, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { CareLinkEntity } from './care-link.entity';

export type CareLinkChange = Partial<
  Pick<
    CareLinkEntity,
    'status' | 'live' | 'consentMethod' | 'confirmedAt' | 'confirmedByStaff' | 'removedAt' | 'removedBy'
  >
>;

/** A link with the other side's masked name and, for dependants, their colour. */
export interface CareLinkListed {
  link: CareLinkEntity;
  name: string | null;
  color: Color | null;
}

@Injectable()
export class CareLinkRepository {
  constructor(@InjectRepository(CareLinkEntity) private readonly repo: Repository<CareLinkEntity>) {}

  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.repo.manager, work);
  }

  async insert(manager: EntityManager, row: CareLinkEntity): Promise<void> {
    await manager.getRepository(CareLinkEntity).insert(row);
  }

  /** The newest link between the two, whatever its state. */
  latest(carerId: string, dependantId: string): Promise<CareLinkEntity | null> {
    return this.repo.findOne({ where: { carerId, dependantId }, order: { createdAt: 'DESC' } });
  }

  findForUpdate(manager: EntityManager, id: string): Promise<CareLinkEntity | null> {
    return manager.getRepository(CareLinkEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Live (pending or active) links of a carer or of a dependant. Callers hold the resident row's lock, so two
   * concurrent adds for the same person count one after the other.
   */
  countLive(manager: EntityManager, side: { carerId: string } | { dependantId: string }): Promise<number> {
    return manager.getRepository(CareLinkEntity).count({ where: { ...side, status: In(['pending', 'active']) } });
  }

  async update(manager: EntityManager, id: string, change: CareLinkChange): Promise<void> {
    await manager.getRepository(CareLinkEntity).update({ id }, change);
  }

  /** Pending links to a dependant whose consent is awaited at the hotline (adult, no consent yet), locked. */
  pendingHostless(manager: EntityManager, dependantId: string): Promise<CareLinkEntity[]> {
    return manager.getRepository(CareLinkEntity).find({
      where: { dependantId, status: 'pending', kind: 'adult' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** A carer's live links with each dependant's masked name and colour, oldest first. */
  listForCarer(carerId: string): Promise<CareLinkListed[]> {
    return this.listed('l.carer_id', 'l.dependant_id', carerId);
  }

  /** A dependant's live links with each carer's masked name, oldest first. */
  listForDependant(dependantId: string): Promise<CareLinkListed[]> {
    return this.listed('l.dependant_id', 'l.carer_id', dependantId);
  }

  private async listed(side: string, other: string, residentId: string): Promise<CareLinkListed[]> {
    const rows: { id: Buffer; name_masked: string | null; color: Color | null }[] = await this.repo.query(
      `SELECT l.id, r.name_masked, c.color FROM care_links l
         JOIN residents r ON r.id = ${other} AND r.deleted_at IS NULL
         LEFT JOIN resident_codes c ON c.resident_id = ${other}
       WHERE ${side} = ? AND l.status IN ('pending', 'active') ORDER BY l.created_at, l.id`,
      [uuidToBuffer(residentId)],
    );
    if (rows.length === 0) return [];
    const links = await this.repo.find({ where: { id: In(rows.map((r) => bufferToUuid(r.id))) } });
    const byId = new Map(links.map((l) => [l.id, l]));
    return rows.flatMap((r) => {
      const link = byId.get(bufferToUuid(r.id));
      return link ? [{ link, name: r.name_masked, color: r.color }] : [];
    });
  }

  /** Erasure of either side: every link the resident is part of goes. */
  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    const asCarer = await manager.delete(CareLinkEntity, { carerId: residentId });
    const asDependant = await manager.delete(CareLinkEntity, { dependantId: residentId });
    return (asCarer.affected ?? 0) + (asDependant.affected ?? 0);
  }
}
