import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, LessThanOrEqual, Not, type Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { bufferToUuid, newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { rangesFromStarts, type ResidentRange } from './range-bounds.util';
import { RescoreRangeEntity } from './rescore-range.entity';
import { RescoreRunEntity } from './rescore-run.entity';

export type NewRun = Pick<
  RescoreRunEntity,
  'kind' | 'cause' | 'causeRef' | 'importId' | 'payload' | 'availableAt' | 'createdBy'
>;

/** The outbox (`rescore_runs`) and its per-range completion records (`rescore_ranges`). */
@Injectable()
export class RescoreRunRepository {
  constructor(
    @InjectRepository(RescoreRunEntity) private readonly runs: Repository<RescoreRunEntity>,
    @InjectRepository(RescoreRangeEntity) private readonly ranges: Repository<RescoreRangeEntity>,
  ) {}

  get manager(): EntityManager {
    return this.runs.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.runs.manager, work, isolation);
  }

  /** Written inside the caller's transaction, next to the change it re-scores for. */
  async insert(m: EntityManager, run: NewRun, now: Date): Promise<string> {
    const id = newId();
    await m
      .getRepository(RescoreRunEntity)
      .insert({ ...run, id, createdAt: now, total: 0 } as QueryDeepPartialEntity<RescoreRunEntity>);
    return id;
  }

  find(id: string): Promise<RescoreRunEntity | null> {
    return this.runs.findOne({ where: { id } });
  }

  /** The newest runs that write codes (not what-if previews), newest first. */
  recent(limit: number): Promise<RescoreRunEntity[]> {
    return this.runs.find({ where: { kind: Not('preview') }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** Unfinished runs that may start now, oldest first. */
  open(now: Date, limit = 20): Promise<RescoreRunEntity[]> {
    return this.runs.find({
      where: { finishedAt: IsNull(), availableAt: LessThanOrEqual(now) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  /**
   * Cuts a run into ranges of `size` residents, once: the run row is locked, so two dispatchers never cut
   * the same run twice (with different boundaries). One pass over the primary key, no per-resident query.
   */
  async cutRanges(runId: string, size: number, now: Date): Promise<void> {
    await this.runs.manager.transaction(async (m) => {
      const [locked] = (await m.query('SELECT ranged_at, kind, import_id FROM rescore_runs WHERE id = ? FOR UPDATE', [
        uuidToBuffer(runId),
      ])) as {
        ranged_at: Date | null;
        kind: string;
        import_id: Buffer | null;
      }[];
      if (!locked || locked.ranged_at) return;
      const filter = locked.import_id ? 'AND id_hmac IN (SELECT id_hmac FROM authority_facts WHERE import_id = ?)' : '';
      const params = locked.import_id ? [bufferToUuid(locked.import_id)] : [];
      const starts: { id: Buffer }[] = await m.query(
        `SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM residents
            WHERE consent_version IS NOT NULL AND deleted_at IS NULL ${filter}) t
          WHERE MOD(rn - 1, ?) = 0 ORDER BY id`,
        [...params, size],
      );
      const [{ n }] = (await m.query(
        `SELECT COUNT(*) AS n FROM residents WHERE consent_version IS NOT NULL AND deleted_at IS NULL ${filter}`,
        params,
      )) as { n: string }[];
      const ranges = rangesFromStarts(
        starts.map((s) => bufferToUuid(s.id)),
        Number(n),
        size,
      );
      for (let i = 0; i < ranges.length; i += 1000) {
        const part = ranges.slice(i, i + 1000);
        await m.query(
          `INSERT IGNORE INTO rescore_ranges (run_id, range_start, range_end, residents, changed) VALUES ${part.map(() => '(?,?,?,?,0)').join(',')}`,
          part.flatMap((r) => [uuidToBuffer(runId), uuidToBuffer(r.rangeStart), uuidToBuffer(r.rangeEnd), r.residents]),
        );
      }
      await m.query('UPDATE rescore_runs SET ranged_at = ?, total = ? WHERE id = ?', [
        now,
        Number(n),
        uuidToBuffer(runId),
      ]);
    });
  }

  async undoneRanges(runId: string): Promise<ResidentRange[]> {
    const rows = await this.ranges.find({ where: { runId, doneAt: IsNull() }, order: { rangeStart: 'ASC' } });
    return rows.map((r) => ({ rangeStart: r.rangeStart, rangeEnd: r.rangeEnd, residents: r.residents }));
  }

  countUndone(runId: string): Promise<number> {
    return this.ranges.count({ where: { runId, doneAt: IsNull() } });
  }

  async markDispatched(runId: string, now: Date): Promise<void> {
    await this.runs.update({ id: runId, dispatchedAt: IsNull() }, { dispatchedAt: now });
  }

  async finish(runId: string, now: Date): Promise<void> {
    await this.runs.update({ id: runId, finishedAt: IsNull() }, { finishedAt: now });
  }

  /**
   * Locks a range for applying it; returns false when it is already done (another job applied it). Holding this
   * lock until commit is what makes a range exactly-once when two jobs for it run at the same time.
   */
  async claimRange(m: EntityManager, runId: string, rangeStart: string): Promise<boolean> {
    const rows: { done_at: Date | null }[] = await m.query(
      'SELECT done_at FROM rescore_ranges WHERE run_id = ? AND range_start = ? FOR UPDATE',
      [uuidToBuffer(runId), uuidToBuffer(rangeStart)],
    );
    return rows.length === 1 && rows[0].done_at === null;
  }

  async completeRange(
    m: EntityManager,
    runId: string,
    rangeStart: string,
    changed: number,
    now: Date,
    result: unknown = null,
  ): Promise<void> {
    await m.query(
      'UPDATE rescore_ranges SET done_at = ?, changed = ?, result = ? WHERE run_id = ? AND range_start = ?',
      [now, changed, result === null ? null : JSON.stringify(result), uuidToBuffer(runId), uuidToBuffer(rangeStart)],
    );
  }

  async progress(
    runId: string,
  ): Promise<{ done: number; changed: number; colorChanged: number; ranges: number; rangesDone: number }> {
    // An applied range keeps its colour-change count in `result` ({"colorChanged": n}); a preview's result has none.
    const [row] = (await this.runs.manager.query(
      `SELECT COALESCE(SUM(CASE WHEN done_at IS NOT NULL THEN residents END), 0) AS done, COALESCE(SUM(changed), 0) AS changed,
              COALESCE(SUM(CAST(JSON_VALUE(result, '$.colorChanged') AS UNSIGNED)), 0) AS color_changed,
              COUNT(*) AS ranges, COUNT(done_at) AS ranges_done FROM rescore_ranges WHERE run_id = ?`,
      [uuidToBuffer(runId)],
    )) as { done: string; changed: string; color_changed: string; ranges: string; ranges_done: string }[];
    return {
      done: Number(row.done),
      changed: Number(row.changed),
      colorChanged: Number(row.color_changed),
      ranges: Number(row.ranges),
      rangesDone: Number(row.ranges_done),
    };
  }

  async results(runId: string): Promise<unknown[]> {
    const rows: { result: unknown }[] = await this.runs.manager.query(
      'SELECT result FROM rescore_ranges WHERE run_id = ? AND result IS NOT NULL ORDER BY range_start',
      [uuidToBuffer(runId)],
    );
    return rows.map((r) => (typeof r.result === 'string' ? JSON.parse(r.result) : r.result));
  }
}
