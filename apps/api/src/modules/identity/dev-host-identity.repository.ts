import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { DevHostIdentityEntity } from './dev-host-identity.entity';

@Injectable()
export class DevHostIdentityRepository {
  constructor(@InjectRepository(DevHostIdentityEntity) private readonly repo: Repository<DevHostIdentityEntity>) {}

  async record(hostKey: Buffer, idHmac: Buffer, at: Date): Promise<void> {
    await this.repo.createQueryBuilder().insert().values({ hostKey, idHmac, createdAt: at }).orIgnore().execute();
  }

  owns(hostKey: Buffer, idHmac: Buffer): Promise<boolean> {
    return this.repo.exists({ where: { hostKey, idHmac } });
  }
}
