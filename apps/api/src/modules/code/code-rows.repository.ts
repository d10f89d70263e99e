import type { HistoryCause } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import type { CodeRow, HistoryRow, StoredCode } from './code-diff.util';
import { STORED_CODE_COLUMNS, storedCodeOf, type StoredCodeRow } from './stored-code-row.util';

/** Rows per statement: ~14 parameters each keeps a statement well under max_allowed_packet. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const CODE_COLUMNS =
  'resident_id, color, reasons, green_at, green_when, steps, rule_set_version, code_id, code_version, color_changed_at, region, evaluated_at, stale_at, revision';

/**
 * The statements of the code writer (`CodeWriter`), for one resident and for a re-score range alike: multi-row,
 * never one statement (or ORM save) per resident.
 */
@Injectable()
export class CodeRowsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.db.manager, work, isolation);
  }

  /** One resident's stored code under a write lock (two writers for one resident serialise), with its revision. */
  async lockStored(m: EntityManager, residentId: string): Promise<StoredCode | null> {
    const rows: StoredCodeRow[] = await m.query(
      `SELECT ${STORED_CODE_COLUMNS}, revision FROM resident_codes WHERE resident_id = ? FOR UPDATE`,
      [uuidToBuffer(residentId)],
    );
    return rows[0] ? storedCodeOf(rows[0]) : null;
  }

  /**
   * New rows with a plain INSERT (a concurrent first write for the same resident fails with a duplicate key, and
   * the caller's transaction is retried), stored ones with an upsert that bumps their revision.
   */
  async upsertCodes(m: EntityManager, rows: readonly CodeRow[]): Promise<void> {
    const values = (part: CodeRow[]) => ({
      sql: part.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(','),
      params: part.flatMap((r) => [
        uuidToBuffer(r.residentId),
        r.color,
        r.reasonsJson,
        r.greenAt,
        r.greenWhenJson,
        r.stepsJson,
        r.ruleSetVersion,
        r.codeId,
        r.codeVersion,
        r.colorChangedAt,
        r.region,
        r.evaluatedAt,
        r.staleAt,
        r.revision,
      ]),
    });
    for (const part of chunks(rows.filter((r) => r.isNew))) {
      const v = values(part);
      await m.query(`INSERT INTO resident_codes (${CODE_COLUMNS}) VALUES ${v.sql}`, v.params);
    }
    for (const part of chunks(rows.filter((r) => !r.isNew))) {
      const v = values(part);
      await m.query(
        `INSERT INTO resident_codes (${CODE_COLUMNS}) VALUES ${v.sql}
         ON DUPLICATE KEY UPDATE color = VALUES(color), reasons = VALUES(reasons), green_at = VALUES(green_at), green_when = VALUES(green_when),
           steps = VALUES(steps), rule_set_version = VALUES(rule_set_version), code_version = VALUES(code_version),
           color_changed_at = VALUES(color_changed_at), region = VALUES(region), evaluated_at = VALUES(evaluated_at), stale_at = VALUES(stale_at),
           revision = revision + 1`,
        v.params,
      );
    }
  }

  /** INSERT IGNORE against the unique (resident, cause, causeRef) key: a re-run records nothing twice. */
  async insertHistory(
    m: EntityManager,
    rows: readonly HistoryRow[],
    at: Date,
    cause: HistoryCause,
    causeRef: string,
    actorResidentId: string | null = null,
  ): Promise<void> {
    const actor = actorResidentId === null ? null : uuidToBuffer(actorResidentId);
    for (const part of chunks(rows)) {
      await m.query(
        `INSERT IGNORE INTO code_history (id, resident_id, at, cause, cause_ref, color_before, color_after, reasons_before, reasons_after, green_at_after, actor_resident_id)
         VALUES ${part.map(() => '(?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
        part.flatMap((r) => [
          uuidToBuffer(newId()),
          uuidToBuffer(r.residentId),
          at,
          cause,
          causeRef,
          r.colorBefore,
          r.colorAfter,
          r.reasonsBeforeJson,
          r.reasonsAfterJson,
          r.greenAtAfter,
          actor,
        ]),
      );
    }
  }

  /** A resident's erasure: their code row and history go (the caller moved the counters from the locked row). */
  async deleteForResident(m: EntityManager, residentId: string): Promise<{ codes: number; history: number }> {
    const id = uuidToBuffer(residentId);
    const c = (await m.query('DELETE FROM resident_codes WHERE resident_id = ?', [id])) as { affectedRows?: number };
    const h = (await m.query('DELETE FROM code_history WHERE resident_id = ?', [id])) as { affectedRows?: number };
    return { codes: c.affectedRows ?? 0, history: h.affectedRows ?? 0 };
  }
}
