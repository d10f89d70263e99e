import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { AuditHeadSignatureEntity } from './audit-head-signature.entity';

@Injectable()
export class AuditHeadSignatureRepository {
  constructor(
    @InjectRepository(AuditHeadSignatureEntity) private readonly signatures: Repository<AuditHeadSignatureEntity>,
  ) {}

  newest(): Promise<AuditHeadSignatureEntity | null> {
    return this.signatures.findOne({ where: {}, order: { seq: 'DESC' } });
  }

  /** A head is signed once; a second worker signing the same head at the same time is ignored. */
  async insert(row: AuditHeadSignatureEntity): Promise<void> {
    await this.signatures.createQueryBuilder().insert().values(row).orIgnore().execute();
  }

  /** Every signature, oldest first (one per signing run that found new entries: a few thousand a month at most). */
  all(): Promise<AuditHeadSignatureEntity[]> {
    return this.signatures.find({ order: { seq: 'ASC' } });
  }
}
