import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { ErasureReceiptEntity } from './erasure-receipt.entity';

@Injectable()
export class ErasureReceiptRepository {
  constructor(@InjectRepository(ErasureReceiptEntity) private readonly receipts: Repository<ErasureReceiptEntity>) {}

  async insert(manager: EntityManager, row: ErasureReceiptEntity): Promise<void> {
    await manager.getRepository(ErasureReceiptEntity).insert(row);
  }

  find(digest: Buffer): Promise<ErasureReceiptEntity | null> {
    return this.receipts.findOne({ where: { digest } });
  }
}
