import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { DevHostIdentityEntity } from './dev-host-identity.entity';

@Injectable()
export class DevHostIdentityRepository {
  constructor(
    @InjectRepository(DevHostIdentityEntity) private readonly repo: Repository<DevHostIdentityEntity>,
    private readonly crypto: PiiCryptoService,
  ) {}

  /** Both HMACs under the current key version. */
  async record(hostKey: Buffer, idHmac: Buffer, at: Date, manager: EntityManager = this.repo.manager): Promise<void> {
    const kid = this.crypto.hmacKeyId;
    await manager
      .getRepository(DevHostIdentityEntity)
      .createQueryBuilder()
      .insert()
      .values({ hostKey, hostKeyKid: kid, idHmac, idHmacKid: kid, createdAt: at })
      .orIgnore()
      .execute();
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.manager.transaction(work);
  }

  owns(hostKey: Buffer, idHmac: Buffer): Promise<boolean> {
    return this.repo.exists({ where: { hostKey, idHmac } });
  }
}
