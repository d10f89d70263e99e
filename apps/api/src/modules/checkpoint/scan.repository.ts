import type { CheckpointKind, Color, ScanReason } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { BatchedKeyRead } from '../../database/batched-key-read.util';
import { hotQuery } from '../../database/hot-query.util';
import { bufferToUuid, newId, uuidToBuffer } from '../../database/uuid-binary.transformer';

/** What the scan writer stores: nothing about the resident beyond the token's random id. */
export interface ScanRow {
  checkpointId: string;
  clientScanId: string;
  codeId: string | null;
  color: Color | null;
  admitted: boolean;
  reason: ScanReason;
  scannedAt: Date;
}

export interface CodeLookup {
  residentId: Buffer;
  color: Color;
  codeVersion: number;
  staleAt: Date | null;
}

export interface ScanWithCheckpoint {
  checkpointId: string;
  name: string;
  kind: CheckpointKind;
  place: string;
  region: string;
  scannedAt: Date;
  color: Color | null;
  admitted: boolean;
  reason: ScanReason;
  /** The scanned token was a printed card's (its id is a card id). */
  byCard: boolean;
}

const COLUMNS = '(checkpoint_id, client_scan_id, code_id, color, admitted, reason, scanned_at)';

/** Scans, refusals and the narrow code lookup of the scan hot path. Raw SQL: these run thousands of times a second. */
@Injectable()
export class ScanRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The hot-path statements go straight to the driver's pool (see `hotQuery`). */
  private hot<T>(sql: string, params: unknown[]): Promise<T> {
    return hotQuery<T>(this.db, sql, params);
  }

  /**
   * The code a token's random id belongs to, through the token link (`code_tokens`): only the four columns a
   * scan needs (resident_codes rows carry large JSON reasons we do not want to read).
   */
  async findCode(tokenId: string): Promise<CodeLookup | null> {
    return (await this.codeReads.read(tokenId)) ?? null;
  }

  /** Single scans of one event-loop turn share one lookup statement (the same as an offline batch's). */
  private readonly codeReads = new BatchedKeyRead<CodeLookup>((tokenIds) => this.findCodes(tokenIds));

  /** The codes of a whole offline batch in one statement, by token id. */
  async findCodes(tokenIds: readonly string[]): Promise<Map<string, CodeLookup>> {
    if (tokenIds.length === 0) return new Map();
    const rows = await this.hot<
      { token_id: string; resident_id: Buffer; color: Color; code_version: number; stale_at: Date | null }[]
    >(
      `SELECT t.token_id, c.resident_id, c.color, c.code_version, c.stale_at
         FROM code_tokens t JOIN resident_codes c ON c.resident_id = t.resident_id
        WHERE t.token_id IN (?)`,
      [tokenIds],
    );
    return new Map(
      rows.map((r) => [
        r.token_id,
        { residentId: r.resident_id, color: r.color, codeVersion: Number(r.code_version), staleAt: r.stale_at },
      ]),
    );
  }

  /**
   * One multi-row INSERT IGNORE in autocommit mode: when it returns, the rows are committed (and, with the
   * default innodb_flush_log_at_trx_commit=1, on disk). A (checkpoint, clientScanId) seen before is skipped.
   * Returns how many rows were new.
   */
  async insertIgnore(rows: readonly ScanRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const params: unknown[] = [];
    for (const r of rows)
      params.push(
        uuidToBuffer(r.checkpointId),
        r.clientScanId,
        r.codeId,
        r.color,
        r.admitted ? 1 : 0,
        r.reason,
        r.scannedAt,
      );
    const placeholders = rows.map(() => '(?,?,?,?,?,?,?)').join(',');
    const result = await this.hot<{ affectedRows?: number }>(
      `INSERT IGNORE INTO checkpoint_scans ${COLUMNS} VALUES ${placeholders}`,
      params,
    );
    return Number(result?.affectedRows ?? 0);
  }

  async insertRefusal(checkpointId: string, reason: 'wrong-checkpoint', at: Date): Promise<void> {
    await this.db.query('INSERT INTO checkpoint_refusals (id, checkpoint_id, reason, at) VALUES (?,?,?,?)', [
      uuidToBuffer(newId()),
      uuidToBuffer(checkpointId),
      reason,
      at,
    ]);
  }

  async countByReason(checkpointId: string, from: Date, to: Date): Promise<Record<string, number>> {
    const id = uuidToBuffer(checkpointId);
    const scans: { reason: string; n: string | number }[] = await this.db.query(
      'SELECT reason, COUNT(*) AS n FROM checkpoint_scans WHERE checkpoint_id = ? AND scanned_at >= ? AND scanned_at < ? GROUP BY reason',
      [id, from, to],
    );
    const refusals: { reason: string; n: string | number }[] = await this.db.query(
      'SELECT reason, COUNT(*) AS n FROM checkpoint_refusals WHERE checkpoint_id = ? AND at >= ? AND at < ? GROUP BY reason',
      [id, from, to],
    );
    return Object.fromEntries([...scans, ...refusals].map((r) => [r.reason, Number(r.n)]));
  }

  /** Admitted and refused counts per UTC hour (`YYYY-MM-DD HH`), scans and refused device requests together. */
  async countByHour(
    checkpointId: string,
    from: Date,
    to: Date,
  ): Promise<Map<string, { admitted: number; refused: number }>> {
    const id = uuidToBuffer(checkpointId);
    const scans: { h: string; admitted: number | string; n: string | number }[] = await this.db.query(
      "SELECT DATE_FORMAT(scanned_at, '%Y-%m-%d %H') AS h, admitted, COUNT(*) AS n FROM checkpoint_scans WHERE checkpoint_id = ? AND scanned_at >= ? AND scanned_at < ? GROUP BY h, admitted",
      [id, from, to],
    );
    const refusals: { h: string; n: string | number }[] = await this.db.query(
      "SELECT DATE_FORMAT(at, '%Y-%m-%d %H') AS h, COUNT(*) AS n FROM checkpoint_refusals WHERE checkpoint_id = ? AND at >= ? AND at < ? GROUP BY h",
      [id, from, to],
    );
    const byHour = new Map<string, { admitted: number; refused: number }>();
    const bucket = (h: string) => byHour.get(h) ?? byHour.set(h, { admitted: 0, refused: 0 }).get(h)!;
    for (const r of scans) bucket(r.h)[Number(r.admitted) ? 'admitted' : 'refused'] += Number(r.n);
    for (const r of refusals) bucket(r.h).refused += Number(r.n);
    return byHour;
  }

  /** A resident's scans: the scans of every token issued to them whose link is still kept. */
  async listForResident(residentId: string, limit = 500): Promise<ScanWithCheckpoint[]> {
    const rows: {
      checkpoint_id: Buffer;
      name: string;
      kind: CheckpointKind;
      place: string;
      region: string;
      scanned_at: Date;
      color: Color | null;
      admitted: number;
      reason: ScanReason;
      by_card: number | string;
    }[] = await this.db.query(
      `SELECT s.checkpoint_id, c.name, c.kind, c.place, c.region, s.scanned_at, s.color, s.admitted, s.reason,
              p.card_id IS NOT NULL AS by_card
           FROM code_tokens t
           JOIN checkpoint_scans s ON s.code_id = t.token_id
           JOIN checkpoints c ON c.id = s.checkpoint_id
           LEFT JOIN printed_cards p ON p.card_id = t.token_id
          WHERE t.resident_id = ? ORDER BY s.scanned_at DESC LIMIT ?`,
      [uuidToBuffer(residentId), limit],
    );
    return rows.map((r) => ({
      checkpointId: bufferToUuid(r.checkpoint_id),
      name: r.name,
      kind: r.kind,
      place: r.place,
      region: r.region,
      scannedAt: r.scanned_at,
      color: r.color,
      admitted: Boolean(r.admitted),
      reason: r.reason,
      byCard: Boolean(Number(r.by_card)),
    }));
  }

  /** Deletes up to `limit` scans (and refusals) older than `cutoff`; returns how many scans went. */
  async purgeBefore(cutoff: Date, limit: number): Promise<{ scans: number; refusals: number }> {
    const scans: { affectedRows?: number } = await this.db.query(
      'DELETE FROM checkpoint_scans WHERE scanned_at < ? LIMIT ?',
      [cutoff, limit],
    );
    const refusals: { affectedRows?: number } = await this.db.query(
      'DELETE FROM checkpoint_refusals WHERE at < ? LIMIT ?',
      [cutoff, limit],
    );
    return { scans: Number(scans?.affectedRows ?? 0), refusals: Number(refusals?.affectedRows ?? 0) };
  }

  /** Erasure: the scans of every token linked to the resident, in the caller's transaction. */
  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    const result: { affectedRows?: number } = await manager.query(
      'DELETE s FROM checkpoint_scans s JOIN code_tokens t ON t.token_id = s.code_id WHERE t.resident_id = ?',
      [uuidToBuffer(residentId)],
    );
    return Number(result?.affectedRows ?? 0);
  }

  /** For tests and benchmarks: every stored clientScanId of a checkpoint. */
  async clientScanIds(checkpointId: string): Promise<string[]> {
    const rows: { client_scan_id: string }[] = await this.db.query(
      'SELECT client_scan_id FROM checkpoint_scans WHERE checkpoint_id = ?',
      [uuidToBuffer(checkpointId)],
    );
    return rows.map((r) => r.client_scan_id);
  }
}
