import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { authorityFactKey } from './authority-fact-key.util';
import { HMAC_COLUMNS, type HmacColumn, kidColumn } from './hmac-columns.constant';

/** One stored value moving from version `fromKid` to `to` (its HMAC under the current version). */
export interface HmacMove {
  from: Buffer;
  fromKid: number;
  to: Buffer;
}

export interface HmacBatch {
  values: { value: Buffer; kid: number }[];
  cursor: Buffer | null;
}

/** Raw SQL over every HMAC column (`HMAC_COLUMNS`): the tables belong to other modules; the columns keep their names. */
@Injectable()
export class HmacRotationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Moves every row of `kind` holding one of the values to its new version, in the caller's transaction. Rows
   * already moved are not matched (`_kid` check), so running it twice, or alongside the rotation job, is harmless.
   */
  async move(m: EntityManager, kind: HmacColumn['kind'], moves: readonly HmacMove[], toKid: number): Promise<number> {
    if (moves.length === 0) return 0;
    let changed = 0;
    for (const column of HMAC_COLUMNS.filter((c) => c.kind === kind)) {
      for (const fromKid of new Set(moves.map((mv) => mv.fromKid))) {
        const part = moves.filter((mv) => mv.fromKid === fromKid);
        changed += column.derivedRowHash
          ? await this.moveFacts(m, part, fromKid, toKid)
          : await this.moveColumn(m, column, part, fromKid, toKid);
      }
    }
    return changed;
  }

  /**
   * Finds the rows with a plain (non-locking) read, then moves them by primary key with their version re-checked:
   * no gap locks, so concurrent sign-ups and imports do not deadlock on each other's alignment. Sound because no
   * writer adds previous-version rows during a rotation: they only ever become fewer.
   */
  private async moveColumn(
    m: EntityManager,
    c: HmacColumn,
    moves: readonly HmacMove[],
    fromKid: number,
    toKid: number,
  ): Promise<number> {
    const kid = kidColumn(c);
    const pk = c.pk.map((k) => `\`${k}\``).join(', ');
    const rows: Record<string, Buffer>[] = await m.query(
      `SELECT ${pk}, \`${c.column}\` AS v FROM \`${c.table}\` WHERE \`${c.column}\` IN (?) AND \`${kid}\` = ?`,
      [moves.map((mv) => mv.from), fromKid],
    );
    if (rows.length === 0) return 0;
    const to = new Map(moves.map((mv) => [mv.from.toString('hex'), mv.to]));
    const keys = rows.map((r) => c.pk.map((k) => r[k]));
    const tuple = `(${c.pk.map(() => '?').join(',')})`;
    const where = `(${pk}) IN (${keys.map(() => tuple).join(',')}) AND \`${kid}\` = ?`;
    // A composite key (dev_host_identities) may already hold the moved pair: IGNORE keeps the row, then it goes.
    const ignore = c.pk.includes(c.column) ? 'IGNORE ' : '';
    const result = (await m.query(
      `UPDATE ${ignore}\`${c.table}\` SET \`${c.column}\` = CASE \`${c.column}\` ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END, \`${kid}\` = ? WHERE ${where}`,
      [...rows.flatMap((r) => [r.v, to.get(r.v.toString('hex'))]), toKid, ...keys.flat(), fromKid],
    )) as { affectedRows?: number };
    if (ignore) await m.query(`DELETE FROM \`${c.table}\` WHERE ${where}`, [...keys.flat(), fromKid]);
    return Number(result.affectedRows ?? 0);
  }

  /** Facts also carry `row_hash`, derived from the HMAC: recomputed with it, so a re-sent feed row still finds them. */
  private async moveFacts(
    m: EntityManager,
    moves: readonly HmacMove[],
    fromKid: number,
    toKid: number,
  ): Promise<number> {
    const rows: { id: Buffer; kind: string; id_hmac: Buffer; data: unknown }[] = await m.query(
      'SELECT id, kind, id_hmac, data FROM authority_facts WHERE id_hmac IN (?) AND id_hmac_kid = ?',
      [moves.map((mv) => mv.from), fromKid],
    );
    const to = new Map(moves.map((mv) => [mv.from.toString('hex'), mv.to]));
    let moved = 0;
    for (const r of rows) {
      const next = to.get(r.id_hmac.toString('hex')) as Buffer;
      const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, string | null>;
      const result = (await m.query(
        'UPDATE authority_facts SET id_hmac = ?, id_hmac_kid = ?, row_hash = ? WHERE id = ? AND id_hmac_kid = ?',
        [next, toKid, authorityFactKey(r.kind, next, data), r.id, fromKid],
      )) as { affectedRows?: number };
      moved += Number(result.affectedRows ?? 0);
    }
    return moved;
  }

  /** The next values of one column still under an older version, walking its primary key from `after`. */
  async olderValues(c: HmacColumn, currentKid: number, after: Buffer | null, limit: number): Promise<HmacBatch> {
    const kid = kidColumn(c);
    if (c.cursor === null) {
      const rows: { v: Buffer; k: number }[] = await this.db.query(
        `SELECT DISTINCT \`${c.column}\` AS v, \`${kid}\` AS k FROM \`${c.table}\` WHERE \`${kid}\` < ? LIMIT ?`,
        [currentKid, limit],
      );
      return { values: rows.map((r) => ({ value: r.v, kid: Number(r.k) })), cursor: null };
    }
    const rows: { pk: Buffer; v: Buffer; k: number }[] = await this.db.query(
      `SELECT \`${c.cursor}\` AS pk, \`${c.column}\` AS v, \`${kid}\` AS k FROM \`${c.table}\`
        WHERE \`${c.cursor}\` > ? AND \`${kid}\` < ? AND \`${c.column}\` IS NOT NULL ORDER BY \`${c.cursor}\` LIMIT ?`,
      [after ?? Buffer.alloc(0), currentKid, limit],
    );
    return {
      values: rows.map((r) => ({ value: r.v, kid: Number(r.k) })),
      cursor: rows.length < limit ? null : rows[rows.length - 1].pk,
    };
  }

  /** Rows per column still under an older version than `currentKid` (null HMACs, erased accounts, not counted). */
  async countOlder(currentKid: number): Promise<{ table: string; column: string; rows: number }[]> {
    const out = [];
    for (const c of HMAC_COLUMNS) {
      const [{ n }] = await this.db.query(
        `SELECT COUNT(*) AS n FROM \`${c.table}\` WHERE \`${kidColumn(c)}\` < ? AND \`${c.column}\` IS NOT NULL`,
        [currentKid],
      );
      out.push({ table: c.table, column: c.column, rows: Number(n) });
    }
    return out;
  }

  /** A resident's own HMACs with their versions, locked (alignment before a verification or at login). */
  async lockResidentHmacs(
    m: EntityManager,
    residentId: Buffer,
  ): Promise<{ kind: HmacColumn['kind']; value: Buffer; kid: number }[]> {
    const rows: {
      host_key: Buffer;
      host_key_kid: number;
      id_hmac: Buffer | null;
      id_hmac_kid: number;
      phone_hmac: Buffer | null;
      phone_hmac_kid: number;
    }[] = await m.query(
      'SELECT host_key, host_key_kid, id_hmac, id_hmac_kid, phone_hmac, phone_hmac_kid FROM residents WHERE id = ? FOR UPDATE',
      [residentId],
    );
    if (rows.length === 0) return [];
    const r = rows[0];
    const out: { kind: HmacColumn['kind']; value: Buffer; kid: number }[] = [
      { kind: 'host', value: r.host_key, kid: Number(r.host_key_kid) },
    ];
    if (r.id_hmac) out.push({ kind: 'id', value: r.id_hmac, kid: Number(r.id_hmac_kid) });
    if (r.phone_hmac) out.push({ kind: 'phone', value: r.phone_hmac, kid: Number(r.phone_hmac_kid) });
    return out;
  }
}
