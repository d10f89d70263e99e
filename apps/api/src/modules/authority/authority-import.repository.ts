import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Like, type Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { bufferToUuid, newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { authorityFactKey } from '../hmac-keys/authority-fact-key.util';
import { AuthorityImportErrorEntity } from './authority-import-error.entity';
import { AuthorityImportEntity } from './authority-import.entity';
import type { AuthorityRow, RowError } from './authority-row.util';

const CHUNK = 1000;

export interface StoredFact {
  id: string;
  kind: string;
  idHmac: Buffer;
  data: Record<string, string | null>;
  factKey: Buffer;
  region: string | null;
}

export interface FactUpdate {
  factId: string;
  kind: string;
  idHmac: Buffer;
  importSeq: number;
  data: Record<string, string | null>;
  region: string;
  /** The changed fields with their new values. */
  fields: Record<string, string | null>;
}

/** Imports, their per-row errors and the facts they add or correct (keyed by the fact's stable key). */
@Injectable()
export class AuthorityImportRepository {
  constructor(
    @InjectRepository(AuthorityImportEntity) private readonly imports: Repository<AuthorityImportEntity>,
    @InjectRepository(AuthorityImportErrorEntity) private readonly errors: Repository<AuthorityImportErrorEntity>,
    private readonly crypto: PiiCryptoService,
  ) {}

  get manager(): EntityManager {
    return this.imports.manager;
  }

  /** One unit of work: the service decides its extent, repository methods do the queries with `manager`. */
  transaction<T>(work: TransactionWork<T>, isolation?: IsolationLevel): Promise<T> {
    return runInTransaction(this.imports.manager, work, isolation);
  }

  /** "import #n": the next number, with the index end locked so two uploads never share one. */
  async nextSeq(m: EntityManager): Promise<number> {
    const [{ n }] = (await m.query('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM authority_imports FOR UPDATE')) as {
      n: string;
    }[];
    return Number(n);
  }

  async insert(m: EntityManager, row: AuthorityImportEntity): Promise<void> {
    await m.getRepository(AuthorityImportEntity).insert(row as QueryDeepPartialEntity<AuthorityImportEntity>);
  }

  async update(m: EntityManager, id: string, fields: Partial<AuthorityImportEntity>): Promise<void> {
    await m
      .getRepository(AuthorityImportEntity)
      .update({ id }, fields as QueryDeepPartialEntity<AuthorityImportEntity>);
  }

  /** The facts on file with these keys, locked until the import commits (a concurrent import waits). */
  async lockByKeys(m: EntityManager, keys: readonly Buffer[]): Promise<StoredFact[]> {
    const out: StoredFact[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const part = keys.slice(i, i + CHUNK);
      const rows = (await m.query(
        `SELECT id, kind, id_hmac, data, row_hash, region FROM authority_facts WHERE row_hash IN (${part.map(() => '?').join(',')}) FOR UPDATE`,
        [...part],
      )) as { id: Buffer; kind: string; id_hmac: Buffer; data: unknown; row_hash: Buffer; region: string | null }[];
      for (const r of rows)
        out.push({
          id: bufferToUuid(r.id),
          kind: r.kind,
          idHmac: r.id_hmac,
          data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, string | null>,
          factKey: r.row_hash,
          region: r.region,
        });
    }
    return out;
  }

  /** Returns how many rows were inserted (a key inserted concurrently in between is skipped). */
  async insertFacts(m: EntityManager, importId: string, rows: readonly AuthorityRow[], now: Date): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const result = (await m.query(
        `INSERT IGNORE INTO authority_facts (id, kind, id_hmac, id_hmac_kid, data, row_hash, import_id, region, created_at) VALUES ${part.map(() => '(?,?,?,?,?,?,?,?,?)').join(',')}`,
        part.flatMap((r) => [
          uuidToBuffer(newId()),
          r.kind,
          r.idHmac,
          this.crypto.hmacKeyId,
          JSON.stringify(r.data),
          r.factKey,
          importId,
          r.region,
          now,
        ]),
      )) as { affectedRows?: number };
      inserted += Number(result.affectedRows ?? 0);
    }
    return inserted;
  }

  /** Corrects facts in place (same id, so corrections and references to it stay valid) and records what changed. */
  async updateFacts(m: EntityManager, importId: string, updates: readonly FactUpdate[], now: Date): Promise<void> {
    for (const u of updates)
      await m.query('UPDATE authority_facts SET data = ?, region = ?, import_id = ?, updated_at = ? WHERE id = ?', [
        JSON.stringify(u.data),
        u.region,
        importId,
        now,
        uuidToBuffer(u.factId),
      ]);
    for (let i = 0; i < updates.length; i += CHUNK) {
      const part = updates.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO authority_fact_changes (id, fact_id, id_hmac, id_hmac_kid, import_seq, \`change\`, fact_kind, fields, at) VALUES ${part.map(() => '(?,?,?,?,?,?,?,?,?)').join(',')}`,
        part.flatMap((u) => [
          uuidToBuffer(newId()),
          uuidToBuffer(u.factId),
          u.idHmac,
          this.crypto.hmacKeyId,
          u.importSeq,
          'updated',
          u.kind,
          JSON.stringify(u.fields),
          now,
        ]),
      );
    }
  }

  /** Locks the import row for a decision (two approvals of the same import queue up here; the second sees it applied). */
  async lockImport(m: EntityManager, id: string): Promise<AuthorityImportEntity | null> {
    return m.getRepository(AuthorityImportEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The validated rows of a staged import, waiting for the second person (the ID numbers already HMACs). */
  async insertStaged(m: EntityManager, importId: string, rows: readonly AuthorityRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO authority_staged_rows (id, import_id, line, kind, id_hmac, id_hmac_kid, data, region, fact_key) VALUES ${part.map(() => '(?,?,?,?,?,?,?,?,?)').join(',')}`,
        part.flatMap((r) => [
          uuidToBuffer(newId()),
          uuidToBuffer(importId),
          r.line,
          r.kind,
          r.idHmac,
          this.crypto.hmacKeyId,
          JSON.stringify(r.data),
          r.region,
          r.factKey,
        ]),
      );
    }
  }

  /**
   * The staged rows in file order, locked. Each fact key is recomputed from the stored HMAC (a key rotation moves
   * the HMAC of staged rows, not their keys); `staleKeys` counts rows still under another key version.
   */
  async stagedRows(m: EntityManager, importId: string): Promise<{ rows: AuthorityRow[]; staleKeys: number }> {
    const rows = (await m.query(
      'SELECT line, kind, id_hmac, id_hmac_kid, data, region FROM authority_staged_rows WHERE import_id = ? ORDER BY line FOR UPDATE',
      [uuidToBuffer(importId)],
    )) as {
      line: number;
      kind: AuthorityRow['kind'];
      id_hmac: Buffer;
      id_hmac_kid: number;
      data: unknown;
      region: string;
    }[];
    return {
      staleKeys: rows.filter((r) => Number(r.id_hmac_kid) !== this.crypto.hmacKeyId).length,
      rows: rows.map((r) => {
        const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, string | null>;
        return {
          line: Number(r.line),
          kind: r.kind,
          idHmac: r.id_hmac,
          data,
          region: r.region,
          factKey: authorityFactKey(r.kind, r.id_hmac, data),
        };
      }),
    };
  }

  async deleteStaged(m: EntityManager, importId: string): Promise<void> {
    await m.query('DELETE FROM authority_staged_rows WHERE import_id = ?', [uuidToBuffer(importId)]);
  }

  async countErrors(m: EntityManager, importId: string): Promise<number> {
    const [{ n }] = (await m.query('SELECT COUNT(*) AS n FROM authority_import_errors WHERE import_id = ?', [
      uuidToBuffer(importId),
    ])) as { n: string }[];
    return Number(n);
  }

  async insertErrors(m: EntityManager, importId: string, errors: readonly RowError[]): Promise<void> {
    for (let i = 0; i < errors.length; i += CHUNK) {
      const part = errors.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO authority_import_errors (id, import_id, line, field, message) VALUES ${part.map(() => '(?,?,?,?,?)').join(',')}`,
        part.flatMap((e) => [uuidToBuffer(newId()), uuidToBuffer(importId), e.line, e.field, e.message.slice(0, 200)]),
      );
    }
  }

  /** Registered residents holding an ID matched by this import's new facts. */
  async countMatched(m: EntityManager, importId: string): Promise<number> {
    const [{ n }] = (await m.query(
      `SELECT COUNT(*) AS n FROM residents WHERE consent_version IS NOT NULL AND deleted_at IS NULL
          AND id_hmac IN (SELECT id_hmac FROM authority_facts WHERE import_id = ?)`,
      [importId],
    )) as { n: string }[];
    return Number(n);
  }

  find(id: string): Promise<AuthorityImportEntity | null> {
    return this.imports.findOne({ where: { id } });
  }

  /** The newest imports whose scope lies inside `scope` ('' = all). */
  list(scope: string, limit = 100): Promise<AuthorityImportEntity[]> {
    return this.imports.find({
      where: scope === '' ? {} : { regionScope: Like(`${scope}%`) },
      order: { seq: 'DESC' },
      take: limit,
    });
  }

  listErrors(importId: string, limit?: number): Promise<AuthorityImportErrorEntity[]> {
    return this.errors.find({
      where: { importId },
      order: { line: 'ASC', field: 'ASC' },
      ...(limit ? { take: limit } : {}),
    });
  }
}
