import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Like, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { uuidToBuffer } from '../../database/uuid-binary.transformer';
import { AuthorityFactEntity } from '../authority-facts/authority-fact.entity';
import { AuthorityImportEntity } from './authority-import.entity';
import { AuthorityWithdrawalEntity } from '../authority-facts/authority-withdrawal.entity';

/** Withdrawal requests and the move of withdrawn facts out of authority_facts. */
@Injectable()
export class AuthorityWithdrawalRepository {
  constructor(
    @InjectRepository(AuthorityWithdrawalEntity) private readonly withdrawals: Repository<AuthorityWithdrawalEntity>,
    @InjectRepository(AuthorityFactEntity) private readonly facts: Repository<AuthorityFactEntity>,
    @InjectRepository(AuthorityImportEntity) private readonly imports: Repository<AuthorityImportEntity>,
  ) {}

  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.withdrawals.manager, work);
  }

  findFact(id: string): Promise<AuthorityFactEntity | null> {
    return this.facts.findOne({ where: { id } });
  }

  findImport(id: string): Promise<AuthorityImportEntity | null> {
    return this.imports.findOne({ where: { id } });
  }

  find(id: string): Promise<AuthorityWithdrawalEntity | null> {
    return this.withdrawals.findOne({ where: { id } });
  }

  /** Pending requests for the same target (one at a time). */
  pendingFor(targetId: string): Promise<AuthorityWithdrawalEntity | null> {
    return this.withdrawals.findOne({ where: { targetId, status: 'pending' } });
  }

  list(scope: string, limit = 100): Promise<AuthorityWithdrawalEntity[]> {
    return this.withdrawals.find({
      where: scope === '' ? {} : { region: Like(`${scope}%`) },
      order: { seq: 'DESC' },
      take: limit,
    });
  }

  async nextSeq(m: EntityManager): Promise<number> {
    const [{ n }] = (await m.query('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM authority_withdrawals FOR UPDATE')) as {
      n: string;
    }[];
    return Number(n);
  }

  async insert(m: EntityManager, row: AuthorityWithdrawalEntity): Promise<void> {
    await m.getRepository(AuthorityWithdrawalEntity).insert(row as QueryDeepPartialEntity<AuthorityWithdrawalEntity>);
  }

  lock(m: EntityManager, id: string): Promise<AuthorityWithdrawalEntity | null> {
    return m.getRepository(AuthorityWithdrawalEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(m: EntityManager, id: string, fields: Partial<AuthorityWithdrawalEntity>): Promise<void> {
    await m
      .getRepository(AuthorityWithdrawalEntity)
      .update({ id }, fields as QueryDeepPartialEntity<AuthorityWithdrawalEntity>);
  }

  /**
   * Moves the facts (one by id, or all an import last wrote) to authority_withdrawn_facts, same ids, and deletes
   * them from authority_facts: scoring never sees them again. Returns how many moved.
   */
  async moveFacts(
    m: EntityManager,
    withdrawalId: string,
    target: { factId: string } | { importId: string },
    now: Date,
  ): Promise<number> {
    const [where, param] =
      'factId' in target ? ['id = ?', uuidToBuffer(target.factId)] : ['import_id = ?', target.importId];
    const ids = (
      (await m.query(`SELECT id FROM authority_facts WHERE ${where} FOR UPDATE`, [param])) as { id: Buffer }[]
    ).map((r) => r.id);
    if (ids.length === 0) return 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const part = ids.slice(i, i + 1000);
      const marks = part.map(() => '?').join(',');
      await m.query(
        `INSERT INTO authority_withdrawn_facts (id, withdrawal_id, kind, id_hmac, id_hmac_kid, data, row_hash, import_id, region, withdrawn_at)
           SELECT id, ?, kind, id_hmac, id_hmac_kid, data, row_hash, import_id, region, ? FROM authority_facts WHERE id IN (${marks})`,
        [uuidToBuffer(withdrawalId), now, ...part],
      );
      await m.query(`DELETE FROM authority_facts WHERE id IN (${marks})`, part);
    }
    return ids.length;
  }
}
