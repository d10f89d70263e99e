import type { AppealDeadlineFilter, AppealStatus } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, LessThan, type Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { bufferToUuid, newId } from '../../database/uuid-binary.transformer';
import { StaffEntity } from '../staff/staff.entity';
import { AppealCounterEntity } from './appeal-counter.entity';
import { AppealEventEntity } from './appeal-event.entity';
import { AppealEvidenceEntity } from './appeal-evidence.entity';
import { AppealRegionPolicyEntity } from './appeal-region-policy.entity';
import { AppealEntity } from './appeal.entity';

const IN_PROGRESS: AppealStatus[] = ['submitted', 'assigned', 'in-review', 'needs-info'];

/** A staff member who may take an appeal, with how many appeals they already hold open. */
export interface StaffLoad {
  id: string;
  regionScope: string;
  open: number;
}

/** What the staff queue filters on; `now` and `soonUntil` bound the deadline filter. */
export interface AppealListFilter {
  status?: AppealStatus;
  ruleId?: string;
  category?: string;
  assignedTo?: string;
  deadline?: AppealDeadlineFilter;
  now: Date;
  soonUntil: Date;
}

@Injectable()
export class AppealRepository {
  constructor(
    @InjectRepository(AppealEntity) private readonly appeals: Repository<AppealEntity>,
    @InjectRepository(AppealEventEntity) private readonly events: Repository<AppealEventEntity>,
    @InjectRepository(AppealEvidenceEntity) private readonly evidence: Repository<AppealEvidenceEntity>,
    @InjectRepository(AppealRegionPolicyEntity) private readonly policies: Repository<AppealRegionPolicyEntity>,
    @InjectRepository(StaffEntity) private readonly staff: Repository<StaffEntity>,
  ) {}

  get manager(): EntityManager {
    return this.appeals.manager;
  }

  /**
   * Open appeals whose resident is now somewhere else: the region now responsible for them (their current region,
   * else their home region) differs from the appeal's. Erased residents have neither and are left alone.
   */
  async movedOpenAppeals(limit: number): Promise<{ number: number; region: string; now: string }[]> {
    const rows: { number: number; region: string; now: string }[] = await this.appeals.manager.query(
      `SELECT a.number, a.region, COALESCE(r.current_region, r.home_region) AS now
         FROM appeals a JOIN residents r ON r.id = a.resident_id
        WHERE a.status IN (?) AND COALESCE(r.current_region, r.home_region) IS NOT NULL
          AND COALESCE(r.current_region, r.home_region) <> a.region
        ORDER BY a.number LIMIT ?`,
      [IN_PROGRESS, limit],
    );
    return rows.map((r) => ({ number: Number(r.number), region: r.region, now: r.now }));
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.appeals.manager, work, isolation);
  }

  /** The next "appeal #N", under the counter row's lock: the number is taken only if the transaction commits. */
  async nextNumber(manager: EntityManager): Promise<number> {
    await manager.query(
      'INSERT INTO appeal_counters (name, value) VALUES (?, 1) ON DUPLICATE KEY UPDATE value = value + 1',
      ['appeal'],
    );
    const row = await manager.getRepository(AppealCounterEntity).findOneOrFail({ where: { name: 'appeal' } });
    return row.value;
  }

  async insert(manager: EntityManager, row: AppealEntity): Promise<void> {
    await manager.getRepository(AppealEntity).insert(row as QueryDeepPartialEntity<AppealEntity>);
  }

  async update(manager: EntityManager, id: string, fields: QueryDeepPartialEntity<AppealEntity>): Promise<void> {
    await manager.getRepository(AppealEntity).update({ id }, fields);
  }

  findByNumber(number: number): Promise<AppealEntity | null> {
    return this.appeals.findOne({ where: { number } });
  }

  findById(id: string): Promise<AppealEntity | null> {
    return this.appeals.findOne({ where: { id } });
  }

  /** Reads the appeal under a write lock, so two staff acting at once serialise. */
  lockByNumber(manager: EntityManager, number: number): Promise<AppealEntity | null> {
    return manager.getRepository(AppealEntity).findOne({ where: { number }, lock: { mode: 'pessimistic_write' } });
  }

  listForResident(residentId: string): Promise<AppealEntity[]> {
    return this.appeals.find({ where: { residentId }, order: { submittedAt: 'DESC' }, take: 100 });
  }

  /**
   * One page of the appeals under a region prefix (already narrowed to the caller's scope), newest first.
   * `deadline` looks at both deadlines while they are unmet: `breached` past `now`, `due-soon` before `soonUntil`.
   */
  async pageInScope(
    prefix: string,
    filter: AppealListFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: AppealEntity[]; total: number }> {
    const qb = this.appeals
      .createQueryBuilder('a')
      .where('a.region LIKE :prefix', { prefix: `${prefix.replace(/[%_\\]/g, '')}%` });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.ruleId) qb.andWhere('a.rule_id = :ruleId', { ruleId: filter.ruleId });
    if (filter.category) qb.andWhere('a.category = :category', { category: filter.category });
    if (filter.assignedTo)
      qb.andWhere('a.assigned_to = :assignee', { assignee: Buffer.from(filter.assignedTo.replace(/-/g, ''), 'hex') });
    if (filter.deadline) {
      qb.andWhere('a.status IN (:...open)', { open: IN_PROGRESS });
      const unmet = (done: string, due: string) =>
        filter.deadline === 'breached'
          ? `(${done} IS NULL AND ${due} < :now)`
          : `(${done} IS NULL AND ${due} >= :now AND ${due} < :soonUntil)`;
      qb.andWhere(
        `(${unmet('a.first_responded_at', 'a.first_response_due_at')} OR ${unmet('a.decided_at', 'a.decision_due_at')})`,
        {
          now: filter.now,
          soonUntil: filter.soonUntil,
        },
      );
    }
    const [rows, total] = await qb
      .orderBy('a.submitted_at', 'DESC')
      .addOrderBy('a.number', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { rows, total };
  }

  /**
   * Undecided appeals under a prefix, and how many of them are due soon or past a deadline, in one aggregate
   * (the same deadline conditions as the queue filter).
   */
  async backlogInScope(
    prefix: string,
    now: Date,
    soonUntil: Date,
  ): Promise<{ open: number; dueSoon: number; breached: number }> {
    const unmet = (done: string, due: string, soon: boolean) =>
      soon ? `(${done} IS NULL AND ${due} >= :now AND ${due} < :soonUntil)` : `(${done} IS NULL AND ${due} < :now)`;
    const either = (soon: boolean) =>
      `(${unmet('a.first_responded_at', 'a.first_response_due_at', soon)} OR ${unmet('a.decided_at', 'a.decision_due_at', soon)})`;
    const row = await this.appeals
      .createQueryBuilder('a')
      .select('COUNT(*)', 'open')
      .addSelect(`COALESCE(SUM(${either(true)}), 0)`, 'dueSoon')
      .addSelect(`COALESCE(SUM(${either(false)}), 0)`, 'breached')
      .where('a.region LIKE :prefix', { prefix: `${prefix.replace(/[%_\\]/g, '')}%` })
      .andWhere('a.status IN (:...open)', { open: IN_PROGRESS })
      .setParameters({ now, soonUntil })
      .getRawOne<{ open: string; dueSoon: string; breached: string }>();
    return { open: Number(row?.open ?? 0), dueSoon: Number(row?.dueSoon ?? 0), breached: Number(row?.breached ?? 0) };
  }

  async insertEvent(manager: EntityManager, row: Omit<AppealEventEntity, 'id'>): Promise<string> {
    const id = newId();
    await manager.getRepository(AppealEventEntity).insert({ ...row, id } as QueryDeepPartialEntity<AppealEventEntity>);
    return id;
  }

  listEvents(appealId: string): Promise<AppealEventEntity[]> {
    return this.events.find({ where: { appealId }, order: { at: 'ASC', id: 'ASC' } });
  }

  async insertEvidence(manager: EntityManager, rows: Omit<AppealEvidenceEntity, 'id'>[]): Promise<void> {
    if (rows.length) await manager.getRepository(AppealEvidenceEntity).insert(rows.map((r) => ({ ...r, id: newId() })));
  }

  listEvidence(appealId: string): Promise<AppealEvidenceEntity[]> {
    return this.evidence.find({ where: { appealId }, order: { createdAt: 'ASC' } });
  }

  /** Active staff of a role, with the number of in-progress appeals each is assigned or escalated. */
  async staffWithLoad(role: string, column: 'assigned_to' | 'escalated_to'): Promise<StaffLoad[]> {
    const staff = await this.staff.find({
      select: { id: true, regionScope: true },
      where: { role: role as StaffEntity['role'], disabled: false },
    });
    if (staff.length === 0) return [];
    const counts: { who: Buffer; n: string }[] = await this.appeals
      .createQueryBuilder('a')
      .select(`a.${column}`, 'who')
      .addSelect('COUNT(*)', 'n')
      .where(`a.${column} IS NOT NULL`)
      .andWhere('a.status IN (:...open)', { open: IN_PROGRESS })
      .groupBy(`a.${column}`)
      .getRawMany();
    const open = new Map(counts.map((c) => [c.who.toString('hex'), Number(c.n)]));
    return staff.map((s) => ({ id: s.id, regionScope: s.regionScope, open: open.get(s.id.replace(/-/g, '')) ?? 0 }));
  }

  findStaff(id: string): Promise<StaffEntity | null> {
    return this.staff.findOne({ where: { id } });
  }

  /** Region policies whose prefix is a prefix of `region`, for the longest-prefix rule. */
  policiesFor(region: string): Promise<AppealRegionPolicyEntity[]> {
    const prefixes = [2, 4, 6]
      .map((n) => region.slice(0, n))
      .filter((p, i, all) => p.length > 0 && all.indexOf(p) === i);
    return prefixes.length ? this.policies.find({ where: { regionPrefix: In(prefixes) } }) : Promise.resolve([]);
  }

  async upsertPolicy(row: AppealRegionPolicyEntity, manager: EntityManager = this.policies.manager): Promise<void> {
    await manager.getRepository(AppealRegionPolicyEntity).save(row);
  }

  listPolicies(): Promise<AppealRegionPolicyEntity[]> {
    return this.policies.find({ order: { regionPrefix: 'ASC' } });
  }

  /** In-progress appeals whose `kind` deadline passed before `dueBefore` with no escalation recorded for it. */
  async breachedWithoutEscalation(
    kind: 'first-response' | 'decision',
    dueBefore: Date,
    limit: number,
  ): Promise<string[]> {
    const [done, due] =
      kind === 'first-response'
        ? ['a.first_responded_at', 'a.first_response_due_at']
        : ['a.decided_at', 'a.decision_due_at'];
    const rows: { id: Buffer }[] = await this.appeals
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where('a.status IN (:...open)', { open: IN_PROGRESS })
      .andWhere(`${done} IS NULL`)
      .andWhere(`${due} < :dueBefore`, { dueBefore })
      .andWhere(
        "NOT EXISTS (SELECT 1 FROM appeal_events e WHERE e.appeal_id = a.id AND e.type = 'escalated' AND JSON_UNQUOTE(JSON_EXTRACT(e.data, '$.deadline')) = :kind)",
        { kind },
      )
      .orderBy(due, 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map((r) => bufferToUuid(r.id));
  }

  async hasEscalation(appealId: string, kind: 'first-response' | 'decision'): Promise<boolean> {
    const events = await this.events.find({ select: { data: true }, where: { appealId, type: 'escalated' } });
    return events.some((e) => e.data?.deadline === kind);
  }

  /** Closed appeals closed before `cutoff` (retention), oldest first. */
  async closedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.appeals.find({
      select: { id: true },
      where: { status: 'closed', closedAt: LessThan(cutoff) },
      order: { closedAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  async idsOf(manager: EntityManager, residentId: string): Promise<string[]> {
    const rows = await manager.getRepository(AppealEntity).find({ select: { id: true }, where: { residentId } });
    return rows.map((r) => r.id);
  }

  listClosedOf(residentId: string): Promise<Pick<AppealEntity, 'number' | 'closedAt'>[]> {
    return this.appeals.find({ select: { number: true, closedAt: true }, where: { residentId, status: 'closed' } });
  }

  /** Deletes appeals with their timeline and evidence rows; returns the evidence hashes no appeal uses any more. */
  async deleteAppeals(ids: string[], outer?: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const run = <T>(work: (m: EntityManager) => Promise<T>) =>
      outer ? work(outer) : this.appeals.manager.transaction(work);
    return run(async (manager) => {
      const evidence = await manager
        .getRepository(AppealEvidenceEntity)
        .find({ select: { sha256: true }, where: { appealId: In(ids) } });
      await manager.getRepository(AppealEventEntity).delete({ appealId: In(ids) });
      await manager.getRepository(AppealEvidenceEntity).delete({ appealId: In(ids) });
      await manager.getRepository(AppealEntity).delete({ id: In(ids) });
      const hashes = [...new Set(evidence.map((e) => e.sha256.toString('hex')))];
      const orphans: string[] = [];
      for (const hex of hashes) {
        if ((await manager.getRepository(AppealEvidenceEntity).countBy({ sha256: Buffer.from(hex, 'hex') })) === 0)
          orphans.push(hex);
      }
      return orphans;
    });
  }

  /** Decided appeals for the public numbers: only what the statistics need. */
  decidedForStats(): Promise<
    Pick<AppealEntity, 'ruleId' | 'submittedAt' | 'decidedAt' | 'decisionDueAt' | 'decision'>[]
  > {
    return this.appeals
      .createQueryBuilder('a')
      .select(['a.ruleId', 'a.submittedAt', 'a.decidedAt', 'a.decisionDueAt', 'a.decision'])
      .where('a.decided_at IS NOT NULL')
      .getMany();
  }
}
