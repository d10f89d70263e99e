import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { newId } from '../../database/uuid-binary.transformer';
import { AccessLogEntity } from './access-log.entity';

@Injectable()
export class AccessLogRepository {
  constructor(@InjectRepository(AccessLogEntity) private readonly repo: Repository<AccessLogEntity>) {}

  async append(row: Omit<AccessLogEntity, 'id'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.repo.manager).getRepository(AccessLogEntity).insert({ ...row, id: newId() });
  }

  listForResident(residentId: string, limit = 500): Promise<AccessLogEntity[]> {
    return this.repo.find({ where: { residentId }, order: { at: 'DESC' }, take: limit });
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.delete(AccessLogEntity, { residentId })).affected ?? 0;
  }
}
