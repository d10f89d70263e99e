import type { LocalizedText } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Not, type Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { RuleSetEntity, type RuleSetStatus } from '../rules/rule-set.entity';

export interface DraftFields {
  definition: unknown;
  changelog: LocalizedText;
  effectiveAt: Date | null;
}

/**
 * Drafts, previews and publication of rule sets. A published row is immutable: every update here carries
 * `status <> 'published'` in its WHERE clause, so even a racing request cannot change one.
 */
@Injectable()
export class RuleSetAdminRepository {
  constructor(@InjectRepository(RuleSetEntity) private readonly ruleSets: Repository<RuleSetEntity>) {}

  get manager(): EntityManager {
    return this.ruleSets.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.ruleSets.manager, work, isolation);
  }

  async insertDraft(fields: DraftFields, authorStaffId: string, now: Date): Promise<RuleSetEntity> {
    const row = {
      ...fields,
      id: newId(),
      version: null,
      status: 'draft' as const,
      authorStaffId,
      publishedAt: null,
      createdAt: now,
    };
    await this.ruleSets.insert(row as QueryDeepPartialEntity<RuleSetEntity>);
    return row as RuleSetEntity;
  }

  find(id: string, m: EntityManager = this.ruleSets.manager): Promise<RuleSetEntity | null> {
    return m.getRepository(RuleSetEntity).findOne({ where: { id } });
  }

  findForUpdate(m: EntityManager, id: string): Promise<RuleSetEntity | null> {
    return m.getRepository(RuleSetEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  list(limit = 100): Promise<RuleSetEntity[]> {
    return this.ruleSets.find({ order: { createdAt: 'DESC' }, take: limit });
  }

  /** Returns false when the row is published (or gone): published versions are never updated. */
  async updateUnpublished(
    id: string,
    fields: Partial<DraftFields> & { status?: Exclude<RuleSetStatus, 'published'> },
    m: EntityManager = this.ruleSets.manager,
  ): Promise<boolean> {
    const result = await m
      .getRepository(RuleSetEntity)
      .update({ id, status: Not('published') }, fields as QueryDeepPartialEntity<RuleSetEntity>);
    return (result.affected ?? 0) > 0;
  }

  async nextVersion(m: EntityManager): Promise<number> {
    const [{ v }] = (await m.query('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM rule_sets FOR UPDATE')) as {
      v: string;
    }[];
    return Number(v);
  }

  /** The one transition into `published`, guarded the same way. */
  async markPublished(
    m: EntityManager,
    id: string,
    version: number,
    definition: unknown,
    effectiveAt: Date,
    now: Date,
  ): Promise<boolean> {
    const result = await m.query(
      `UPDATE rule_sets SET status = 'published', version = ?, definition = ?, effective_at = ?, published_at = ? WHERE id = ? AND status <> 'published'`,
      [version, JSON.stringify(definition), effectiveAt, now, uuidToBuffer(id)],
    );
    return Number((result as { affectedRows?: number }).affectedRows ?? 0) > 0;
  }
}
