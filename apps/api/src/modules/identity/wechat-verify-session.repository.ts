import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { WechatVerifySessionEntity } from './wechat-verify-session.entity';

@Injectable()
export class WechatVerifySessionRepository {
  constructor(
    @InjectRepository(WechatVerifySessionEntity) private readonly repo: Repository<WechatVerifySessionEntity>,
    private readonly crypto: PiiCryptoService,
  ) {}

  /** `idHmac` is the resident's, aligned to the current key version before the check starts. */
  async insert(row: Omit<WechatVerifySessionEntity, 'idHmacKid'>): Promise<void> {
    await this.repo.insert({ ...row, idHmacKid: this.crypto.hmacKeyId });
  }

  find(verifyIdHash: Buffer): Promise<WechatVerifySessionEntity | null> {
    return this.repo.findOne({ where: { verifyIdHash } });
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(WechatVerifySessionEntity).delete({ residentId })).affected ?? 0;
  }
}
