import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { uuidToBuffer } from '../../database/uuid-binary.transformer';
import { AuditChainHeadEntity } from './audit-chain-head.entity';
import { AuditEntryEntity } from './audit-entry.entity';

const HEAD_ID = 1;

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** Region prefix the reader may see ('' = all, including entries without a region). */
  scope: string;
}

@Injectable()
export class AuditRepository {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    @InjectRepository(AuditChainHeadEntity) private readonly heads: Repository<AuditChainHeadEntity>,
  ) {}

  get manager(): EntityManager {
    return this.entries.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.entries.manager, work, isolation);
  }

  /** Locks the chain head until the surrounding transaction ends: appends queue here, one at a time. */
  async lockHead(manager: EntityManager): Promise<AuditChainHeadEntity> {
    const head = await manager
      .getRepository(AuditChainHeadEntity)
      .findOne({ where: { id: HEAD_ID }, lock: { mode: 'pessimistic_write' } });
    if (!head) throw new Error('audit_chain_head has no row: run the migrations');
    return head;
  }

  async append(manager: EntityManager, entry: AuditEntryEntity): Promise<void> {
    await manager.getRepository(AuditEntryEntity).insert(entry as QueryDeepPartialEntity<AuditEntryEntity>);
    await manager.getRepository(AuditChainHeadEntity).update({ id: HEAD_ID }, { seq: entry.seq, hash: entry.hash });
  }

  async head(): Promise<AuditChainHeadEntity | null> {
    return this.heads.findOne({ where: { id: HEAD_ID } });
  }

  /** Entries in chain order, for verification in bounded batches. */
  batchAfter(seq: number, upTo: number, size: number): Promise<AuditEntryEntity[]> {
    return this.entries
      .createQueryBuilder('e')
      .where('e.seq > :seq AND e.seq <= :upTo', { seq, upTo })
      .orderBy('e.seq', 'ASC')
      .limit(size)
      .getMany();
  }

  async list(
    filter: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const qb = this.entries.createQueryBuilder('e');
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: uuidToBuffer(filter.actorId) });
    if (filter.targetType) qb.andWhere('e.target_type = :targetType', { targetType: filter.targetType });
    if (filter.targetId) qb.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.at < :to', { to: filter.to });
    // A scope is digits only (validated), so LIKE needs no escaping.
    if (filter.scope) qb.andWhere('e.region LIKE :scope', { scope: `${filter.scope}%` });
    const [items, total] = await qb
      .orderBy('e.seq', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
