import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { uuidToBuffer } from '../../database/uuid-binary.transformer';
import { type HmacKind, type HmacPair, PiiCryptoService } from '../crypto/pii-crypto.service';
import { HMAC_COLUMNS } from './hmac-columns.constant';
import { type HmacMove, HmacRotationRepository } from './hmac-rotation.repository';

export interface HmacRotationReport {
  keyId: number;
  moved: number;
  batches: number;
  left: { table: string; column: string; rows: number }[];
}

const DEADLOCK = 1213;
const LOCK_WAIT = 1205;

/**
 * Moves stored HMACs to the current PII_HMAC key version, online. The invariant: all rows holding one value of one
 * kind (an ID number's HMAC in residents, identity events, authority facts, ...) are under one version at every
 * commit, so equality joins keep working mid-rotation. The rotation job moves whole values across every table in
 * one transaction; a writer that stores a value during a rotation first moves that value's rows (`align`) in its
 * own transaction, so it never adds a current-version row beside previous-version rows of the same value.
 */
@Injectable()
export class HmacRotationService {
  private readonly logger = new Logger(HmacRotationService.name);

  constructor(
    private readonly repo: HmacRotationRepository,
    private readonly crypto: PiiCryptoService,
  ) {}

  /**
   * Before storing values of `kind` during a rotation: moves their previous-version rows to the current version, in
   * a short transaction of its own (retried on a deadlock) committed before the caller's. Sound because nobody
   * writes previous-version rows during a rotation: once moved, a value stays on the current version.
   */
  async align(kind: HmacKind, pairs: readonly HmacPair[]): Promise<void> {
    const from = this.crypto.hmacPreviousKeyId;
    if (from === null) return;
    const moves = pairs.flatMap((p) => (p.previous ? [{ from: p.previous, fromKid: from, to: p.current }] : []));
    if (moves.length === 0) return;
    await this.retrying(() =>
      this.repo.transaction((m) => this.repo.move(m, kind, dedupe(moves), this.crypto.hmacKeyId)),
    );
  }

  /**
   * Moves one resident's own HMACs (host key, ID, phone) and every row sharing them to the current version, so a
   * verification or a login compares like with like. Nothing to do outside a rotation.
   */
  async alignResident(residentId: string): Promise<void> {
    if (this.crypto.hmacPreviousKeyId === null) return;
    const current = this.crypto.hmacKeyId;
    const work = async (m: EntityManager) => {
      for (const own of await this.repo.lockResidentHmacs(m, uuidToBuffer(residentId))) {
        if (own.kid >= current) continue;
        const to = this.crypto.rekeyHmac(own.value, own.kid, current);
        await this.repo.move(m, own.kind, [{ from: own.value, fromKid: own.kid, to }], current);
      }
    };
    await this.retrying(() => this.repo.transaction(work));
  }

  /**
   * `npm run hmac:rotate`: walks every HMAC column and moves each value still under an older version, with all its
   * rows, to the current version, `batchSize` values per transaction. Resumable (a stopped run leaves every value
   * under exactly one version; the next run finds what is left) and idempotent.
   */
  async rotate(options: { batchSize?: number; onBatch?: (moved: number) => void } = {}): Promise<HmacRotationReport> {
    const current = this.crypto.hmacKeyId;
    const limit = options.batchSize ?? 500;
    let moved = 0;
    let batches = 0;
    for (const column of HMAC_COLUMNS) {
      let after: Buffer | null = null;
      for (;;) {
        const batch = await this.repo.olderValues(column, current, after, limit);
        if (batch.values.length > 0) {
          const moves: HmacMove[] = batch.values.map((v) => ({
            from: v.value,
            fromKid: v.kid,
            to: this.crypto.rekeyHmac(v.value, v.kid, current),
          }));
          const n = await this.retrying(() =>
            this.repo.transaction((m) => this.repo.move(m, column.kind, dedupe(moves), current)),
          );
          moved += n;
          batches++;
          options.onBatch?.(n);
        }
        if (column.cursor === null ? batch.values.length === 0 : batch.cursor === null) break;
        after = batch.cursor;
      }
    }
    const left = (await this.repo.countOlder(current)).filter((c) => c.rows > 0);
    this.logger.log({ keyId: current, moved, batches, left: left.length }, 'hmac rotation pass finished');
    return { keyId: current, moved, batches, left };
  }

  /** Rows still under a version older than the current one, per column. */
  remaining(): Promise<{ table: string; column: string; rows: number }[]> {
    return this.repo.countOlder(this.crypto.hmacKeyId);
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const errno = (error as { errno?: number; driverError?: { errno?: number } }).driverError?.errno;
        const code = errno ?? (error as { errno?: number }).errno;
        if (attempt >= 5 || (code !== DEADLOCK && code !== LOCK_WAIT)) throw error;
      }
    }
  }
}

function dedupe(moves: readonly HmacMove[]): HmacMove[] {
  const seen = new Map<string, HmacMove>();
  for (const mv of moves) seen.set(`${mv.fromKid}:${mv.from.toString('hex')}`, mv);
  return [...seen.values()];
}
