import type { HistoryCause } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import type { CodeRow, HistoryRow } from './range-diff.util';

/** Rows per statement: ~13 parameters each keeps a statement well under max_allowed_packet. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Multi-row writes of the re-scoring worker: never one statement (or ORM save) per resident. */
@Injectable()
export class BulkCodesRepository {
  async upsertCodes(m: EntityManager, rows: readonly CodeRow[]): Promise<void> {
    for (const part of chunks(rows)) {
      await m.query(
        `INSERT INTO resident_codes (resident_id, color, reasons, green_at, green_when, steps, rule_set_version, code_id, code_version, color_changed_at, region, evaluated_at, stale_at)
         VALUES ${part.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}
         ON DUPLICATE KEY UPDATE color = VALUES(color), reasons = VALUES(reasons), green_at = VALUES(green_at), green_when = VALUES(green_when),
           steps = VALUES(steps), rule_set_version = VALUES(rule_set_version), code_version = VALUES(code_version),
           color_changed_at = VALUES(color_changed_at), region = VALUES(region), evaluated_at = VALUES(evaluated_at), stale_at = VALUES(stale_at),
           revision = revision + 1`,
        part.flatMap((r) => [
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
        ]),
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
  ): Promise<void> {
    for (const part of chunks(rows)) {
      await m.query(
        `INSERT IGNORE INTO code_history (id, resident_id, at, cause, cause_ref, color_before, color_after, reasons_before, reasons_after, green_at_after)
         VALUES ${part.map(() => '(?,?,?,?,?,?,?,?,?,?)').join(',')}`,
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
        ]),
      );
    }
  }
}
