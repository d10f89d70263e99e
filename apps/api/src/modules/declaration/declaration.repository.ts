import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type Repository } from 'typeorm';

import { newId } from '../../database/uuid-binary.transformer';
import { CheckInEntity } from './check-in.entity';
import { DeclarationEntity } from './declaration.entity';

@Injectable()
export class DeclarationRepository {
  constructor(
    @InjectRepository(DeclarationEntity) private readonly declarations: Repository<DeclarationEntity>,
    @InjectRepository(CheckInEntity) private readonly checkIns: Repository<CheckInEntity>,
  ) {}

  async insertDeclaration(row: Omit<DeclarationEntity, 'id'>): Promise<string> {
    const id = newId();
    await this.declarations
      .createQueryBuilder()
      .insert()
      .values({ ...row, id })
      // Nothing to read back (the generated inputs_hash is never selected): one statement.
      .updateEntity(false)
      .execute();
    return id;
  }

  latestDeclaration(residentId: string): Promise<DeclarationEntity | null> {
    return this.declarations.findOne({ where: { residentId }, order: { declaredAt: 'DESC' } });
  }

  /** Every retained declaration of a resident, newest first (retention bounds how many there are). */
  declarationsOf(residentId: string, limit = 500): Promise<DeclarationEntity[]> {
    return this.declarations.find({ where: { residentId }, order: { declaredAt: 'DESC' }, take: limit });
  }

  /** Inserts the day's check-in; returns false when the resident already checked in that day. */
  async insertCheckIn(row: Omit<CheckInEntity, 'id'>): Promise<string | null> {
    const id = newId();
    const result = await this.checkIns
      .createQueryBuilder()
      .insert()
      .values({ ...row, id })
      .orIgnore()
      .execute();
    const affected = (result.raw as { affectedRows?: number })?.affectedRows ?? 0;
    return affected > 0 ? id : null;
  }

  checkInsSince(residentId: string, fromDay: string): Promise<CheckInEntity[]> {
    return this.checkIns
      .createQueryBuilder('c')
      .where('c.resident_id = :rid AND c.day >= :fromDay', {
        rid: Buffer.from(residentId.replace(/-/g, ''), 'hex'),
        fromDay,
      })
      .orderBy('c.day', 'ASC')
      .getMany();
  }

  async deleteDeclarationsOf(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.delete(DeclarationEntity, { residentId })).affected ?? 0;
  }

  async deleteCheckInsOf(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.delete(CheckInEntity, { residentId })).affected ?? 0;
  }
}
