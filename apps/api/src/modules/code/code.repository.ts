import type { Color } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThanOrEqual, type Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

import { BatchedKeyRead } from '../../database/batched-key-read.util';
import { hotQuery } from '../../database/hot-query.util';
import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { bufferToUuid, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { CodeHistoryEntity } from './code-history.entity';
import { ResidentCodeEntity } from './resident-code.entity';

/** The narrow part of a code row: what a QR token and a cache check need, without the JSON reasons and steps. */
export interface CodeHead {
  residentId: string;
  revision: number;
  codeVersion: number;
  color: Color;
  ruleSetVersion: number;
  staleAt: Date | null;
}

@Injectable()
export class CodeRepository {
  constructor(
    @InjectRepository(ResidentCodeEntity) private readonly codes: Repository<ResidentCodeEntity>,
    @InjectRepository(CodeHistoryEntity) private readonly history: Repository<CodeHistoryEntity>,
  ) {}

  get manager(): EntityManager {
    return this.codes.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.codes.manager, work, isolation);
  }

  find(residentId: string): Promise<ResidentCodeEntity | null> {
    return this.codes.findOne({ where: { residentId } });
  }

  /**
   * One narrow primary-key read on the pool (no query builder, no JSON): the `GET /me/code` hot path. Reads of
   * one event-loop turn share one statement (BatchedKeyRead).
   */
  async findHead(residentId: string): Promise<CodeHead | null> {
    return (await this.heads.read(residentId.toLowerCase())) ?? null;
  }

  private readonly heads = new BatchedKeyRead<CodeHead>(async (ids) => {
    const rows = await hotQuery<
      {
        resident_id: Buffer;
        revision: number;
        code_version: number;
        color: Color;
        rule_set_version: number;
        stale_at: Date | null;
      }[]
    >(
      this.codes.manager.connection,
      'SELECT resident_id, revision, code_version, color, rule_set_version, stale_at FROM resident_codes ' +
        'WHERE resident_id IN (?)',
      [ids.map(uuidToBuffer)],
    );
    return new Map(
      rows.map((r) => {
        const residentId = bufferToUuid(r.resident_id);
        return [
          residentId,
          {
            residentId,
            revision: Number(r.revision),
            codeVersion: Number(r.code_version),
            color: r.color,
            ruleSetVersion: Number(r.rule_set_version),
            staleAt: r.stale_at,
          },
        ];
      }),
    );
  });

  /** Residents whose stored evaluation may have changed by the passage of time (a greenAt or until passed). */
  async findStale(now: Date, limit: number): Promise<string[]> {
    const rows = await this.codes.find({
      select: { residentId: true },
      where: { staleAt: LessThanOrEqual(now) },
      take: limit,
    });
    return rows.map((r) => r.residentId);
  }

  findByCodeId(codeId: string): Promise<ResidentCodeEntity | null> {
    return this.codes.findOne({ where: { codeId } });
  }

  listHistory(residentId: string, limit = 200): Promise<CodeHistoryEntity[]> {
    return this.history.find({ where: { residentId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Masked names of live residents by id (the carers named on history rows); erased ones are absent. */
  async maskedNames(ids: string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows: { id: Buffer; name_masked: string | null }[] = await this.history.query(
      `SELECT id, name_masked FROM residents WHERE deleted_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`,
      ids.map(uuidToBuffer),
    );
    return new Map(rows.map((r) => [bufferToUuid(r.id), r.name_masked]));
  }

  /** A carer's erasure: the changes their actions caused stay in the dependant's history, without the carer. */
  async unlinkActor(manager: EntityManager, residentId: string): Promise<number> {
    return (
      (await manager.update(CodeHistoryEntity, { actorResidentId: residentId }, { actorResidentId: null })).affected ??
      0
    );
  }
}
