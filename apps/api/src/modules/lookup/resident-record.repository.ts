import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, IsNull, Not } from 'typeorm';

import { AppealEntity } from '../appeal/appeal.entity';
import { CheckInEntity } from '../declaration/check-in.entity';
import { DeclarationEntity } from '../declaration/declaration.entity';
import { ResidentEntity } from '../resident/resident.entity';

const MAX_MATCHES = 10;

/** Read-only queries behind the hotline lookup. Matching is by keyed HMAC only: no plain number reaches SQL. */
@Injectable()
export class ResidentRecordRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `match` lists the HMACs the number may be stored as (two during a PII_HMAC key rotation). */
  findRegistered(match: { idHmac: Buffer[] } | { phoneHmac: Buffer[] }): Promise<ResidentEntity[]> {
    const where = 'idHmac' in match ? { idHmac: In(match.idHmac) } : { phoneHmac: In(match.phoneHmac) };
    return this.db.getRepository(ResidentEntity).find({
      where: { ...where, deletedAt: IsNull(), consentVersion: Not(IsNull()) },
      order: { createdAt: 'ASC' },
      take: MAX_MATCHES,
    });
  }

  /** The appeal a lookup names as its purpose: whose it is and where it is handled. */
  appealForPurpose(appealId: string): Promise<Pick<AppealEntity, 'residentId' | 'region' | 'status'> | null> {
    return this.db.getRepository(AppealEntity).findOne({
      where: { id: appealId.toLowerCase() },
      select: { id: true, residentId: true, region: true, status: true },
    });
  }

  declarationsOf(residentId: string): Promise<DeclarationEntity[]> {
    return this.db
      .getRepository(DeclarationEntity)
      .find({ where: { residentId }, order: { declaredAt: 'DESC' }, take: 100 });
  }

  checkInsOf(residentId: string): Promise<CheckInEntity[]> {
    return this.db.getRepository(CheckInEntity).find({ where: { residentId }, order: { day: 'DESC' }, take: 100 });
  }
}
