import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';

import { newId } from '../../database/uuid-binary.transformer';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { IdentityEventEntity } from './identity-event.entity';

/** `idHmacKid` defaults to the current key version: callers align the resident's HMACs first. */
export type NewIdentityEvent = Omit<IdentityEventEntity, 'id' | 'idHmacKid'> & { idHmacKid?: number };

@Injectable()
export class IdentityEventRepository {
  constructor(
    @InjectRepository(IdentityEventEntity) private readonly repo: Repository<IdentityEventEntity>,
    private readonly crypto: PiiCryptoService,
  ) {}

  /** Appends in the caller's transaction; a reused `proofKey` fails with a duplicate key (a replayed proof). */
  async append(manager: EntityManager, event: NewIdentityEvent): Promise<void> {
    await manager
      .getRepository(IdentityEventEntity)
      .insert({ id: newId(), idHmacKid: this.crypto.hmacKeyId, ...event });
  }

  /** Every ID number this resident has proven, current or given up: their facts keep counting. */
  async provenIdHmacs(residentId: string): Promise<Buffer[]> {
    return (await this.provenIdHmacsOf([residentId])).get(residentId) ?? [];
  }

  async provenIdHmacsOf(residentIds: string[]): Promise<Map<string, Buffer[]>> {
    const result = new Map<string, Buffer[]>(residentIds.map((id) => [id, []]));
    if (residentIds.length === 0) return result;
    const rows = await this.repo.find({
      select: { residentId: true, idHmac: true },
      where: { residentId: In(residentIds), kind: 'verified' },
    });
    for (const r of rows) {
      const list = result.get(r.residentId) as Buffer[];
      if (r.idHmac && !list.some((h) => h.equals(r.idHmac as Buffer))) list.push(r.idHmac);
    }
    return result;
  }

  listForResident(residentId: string): Promise<IdentityEventEntity[]> {
    return this.repo.find({ where: { residentId }, order: { at: 'DESC' } });
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    const result = await manager.getRepository(IdentityEventEntity).delete({ residentId });
    return result.affected ?? 0;
  }
}
