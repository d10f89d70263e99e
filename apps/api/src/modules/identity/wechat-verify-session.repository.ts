import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { WechatVerifySessionEntity } from './wechat-verify-session.entity';

@Injectable()
export class WechatVerifySessionRepository {
  constructor(
    @InjectRepository(WechatVerifySessionEntity) private readonly repo: Repository<WechatVerifySessionEntity>,
  ) {}

  async insert(row: WechatVerifySessionEntity): Promise<void> {
    await this.repo.insert(row);
  }

  find(verifyIdHash: Buffer): Promise<WechatVerifySessionEntity | null> {
    return this.repo.findOne({ where: { verifyIdHash } });
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(WechatVerifySessionEntity).delete({ residentId })).affected ?? 0;
  }
}
