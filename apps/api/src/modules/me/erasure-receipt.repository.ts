import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { ErasureReceiptEntity } from './erasure-receipt.entity';

@Injectable()
export class ErasureReceiptRepository {
  constructor(@InjectRepository(ErasureReceiptEntity) private readonly receipts: Repository<ErasureReceiptEntity>) {}

  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.receipts.manager, work);
  }

  async insert(manager: EntityManager, row: ErasureReceiptEntity): Promise<void> {
    await manager.getRepository(ErasureReceiptEntity).insert(row);
  }

  find(digest: Buffer): Promise<ErasureReceiptEntity | null> {
    return this.receipts.findOne({ where: { digest } });
  }
}
