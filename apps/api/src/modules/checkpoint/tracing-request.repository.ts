import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { TracingRequestEntity } from './tracing-request.entity';

@Injectable()
export class TracingRequestRepository {
  constructor(@InjectRepository(TracingRequestEntity) private readonly repo: Repository<TracingRequestEntity>) {}

  async insert(row: TracingRequestEntity): Promise<void> {
    await this.repo.insert(row);
  }

  find(id: string): Promise<TracingRequestEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** Newest first; `requestedBy` narrows to one staff member's own requests. */
  list(
    filter: { status?: TracingRequestEntity['status']; requestedBy?: string },
    limit = 200,
  ): Promise<TracingRequestEntity[]> {
    const where = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.requestedBy ? { requestedBy: filter.requestedBy } : {}),
    };
    return this.repo.find({ where, order: { requestedAt: 'DESC' }, take: limit });
  }

  /** Decides a pending request; false when it was no longer pending (decided concurrently). */
  async decide(
    id: string,
    decision: Pick<TracingRequestEntity, 'status' | 'decidedBy' | 'decidedAt' | 'note'>,
  ): Promise<boolean> {
    const result = await this.repo.update({ id, status: 'pending' }, decision);
    return (result.affected ?? 0) === 1;
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(TracingRequestEntity).delete({ residentId })).affected ?? 0;
  }
}
