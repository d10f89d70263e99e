import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { TrustedIssuerEntity } from './trusted-issuer.entity';

/** The trust list's rows. Changes go through `transaction` so that each is audited in the same commit. */
@Injectable()
export class TrustedIssuerRepository {
  constructor(@InjectRepository(TrustedIssuerEntity) private readonly rows: Repository<TrustedIssuerEntity>) {}

  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.rows.manager, work);
  }

  list(): Promise<TrustedIssuerEntity[]> {
    return this.rows.find({ order: { issuerId: 'ASC' } });
  }

  /** Approved entries, active or suspended: what checkpoints and the published list hold. */
  listApproved(): Promise<TrustedIssuerEntity[]> {
    return this.rows.find({ where: { status: In(['active', 'suspended']) }, order: { issuerId: 'ASC' } });
  }

  /** One row, unlocked: read before slow work (fetching a peer's document) that must not hold a lock. */
  find(id: string): Promise<TrustedIssuerEntity | null> {
    return this.rows.findOne({ where: { id } });
  }

  /** Reads and locks one row for a change. */
  lock(manager: EntityManager, id: string): Promise<TrustedIssuerEntity | null> {
    return manager.getRepository(TrustedIssuerEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** False when the issuer id is already on the list (the unique key decides, so two racing adds cannot both win). */
  async insert(manager: EntityManager, row: TrustedIssuerEntity): Promise<boolean> {
    try {
      await manager.getRepository(TrustedIssuerEntity).insert(row);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_DUP_ENTRY') return false;
      throw error;
    }
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: QueryDeepPartialEntity<TrustedIssuerEntity>,
  ): Promise<void> {
    await manager.getRepository(TrustedIssuerEntity).update({ id }, changes);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(TrustedIssuerEntity).delete({ id });
  }
}
