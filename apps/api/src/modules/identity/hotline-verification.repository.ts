import type { HotlineVerificationStatus } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { HotlineVerificationEntity } from './hotline-verification.entity';

export type HotlineDecisionFields = Pick<HotlineVerificationEntity, 'status' | 'decidedBy' | 'decidedAt' | 'note'>;

@Injectable()
export class HotlineVerificationRepository {
  constructor(
    @InjectRepository(HotlineVerificationEntity) private readonly repo: Repository<HotlineVerificationEntity>,
  ) {}

  async insert(manager: EntityManager, row: HotlineVerificationEntity): Promise<void> {
    await manager.getRepository(HotlineVerificationEntity).insert(row);
  }

  find(id: string): Promise<HotlineVerificationEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** The request under a write lock: two supervisors deciding at once are served one after the other. */
  findForUpdate(manager: EntityManager, id: string): Promise<HotlineVerificationEntity | null> {
    return manager
      .getRepository(HotlineVerificationEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  pendingFor(manager: EntityManager, residentId: string): Promise<HotlineVerificationEntity | null> {
    return manager.getRepository(HotlineVerificationEntity).findOne({ where: { residentId, status: 'pending' } });
  }

  /** The newest requests of one status whose region starts with the caller's scope prefix. */
  list(status: HotlineVerificationStatus, scopePrefix: string, limit = 200): Promise<HotlineVerificationEntity[]> {
    const q = this.repo
      .createQueryBuilder('h')
      .where('h.status = :status', { status })
      .orderBy('h.requested_at', status === 'pending' ? 'ASC' : 'DESC')
      .take(limit);
    if (scopePrefix) q.andWhere('h.region LIKE :prefix', { prefix: `${scopePrefix}%` });
    return q.getMany();
  }

  /** Decides a pending request; false when it was no longer pending. */
  async decide(manager: EntityManager, id: string, fields: HotlineDecisionFields): Promise<boolean> {
    const result = await manager.getRepository(HotlineVerificationEntity).update({ id, status: 'pending' }, fields);
    return (result.affected ?? 0) === 1;
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(HotlineVerificationEntity).delete({ residentId })).affected ?? 0;
  }
}
