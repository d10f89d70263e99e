import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { BatchedKeyRead } from '../../database/batched-key-read.util';
import { hotQuery } from '../../database/hot-query.util';
import { ResidentSessionEpochEntity } from './resident-session-epoch.entity';
import { RevokedSessionEntity } from './revoked-session.entity';

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');

@Injectable()
export class SessionRevocationRepository {
  constructor(
    @InjectRepository(ResidentSessionEpochEntity) private readonly epochs: Repository<ResidentSessionEpochEntity>,
    @InjectRepository(RevokedSessionEntity) private readonly revoked: Repository<RevokedSessionEntity>,
  ) {}

  get manager(): EntityManager {
    return this.epochs.manager;
  }

  async residentEpoch(residentId: string): Promise<number> {
    // On every resident request (SessionRevocationGuard): straight to the pool (hotQuery), and the reads of one
    // event-loop turn share one statement (BatchedKeyRead).
    return (await this.epochReads.read(residentId.replace(/-/g, '').toLowerCase())) ?? 0;
  }

  private readonly epochReads = new BatchedKeyRead<number>(async (hexIds) => {
    const rows = await hotQuery<{ resident_id: Buffer; epoch: number }[]>(
      this.epochs.manager.connection,
      'SELECT resident_id, epoch FROM resident_session_epochs WHERE resident_id IN (?)',
      [hexIds.map((hex) => Buffer.from(hex, 'hex'))],
    );
    return new Map(rows.map((r) => [r.resident_id.toString('hex'), Number(r.epoch)]));
  });

  /** Atomic: concurrent revocations each raise the epoch; in the caller's transaction when one is given. */
  async bumpResidentEpoch(manager: EntityManager | undefined, residentId: string, at: Date): Promise<void> {
    await (manager ?? this.manager).query(
      'INSERT INTO resident_session_epochs (resident_id, epoch, revoked_at) VALUES (?, 1, ?) ' +
        'ON DUPLICATE KEY UPDATE epoch = epoch + 1, revoked_at = VALUES(revoked_at)',
      [uuidBytes(residentId), at],
    );
  }

  async insertRevoked(manager: EntityManager | undefined, tokenId: string, expiresAt: Date): Promise<void> {
    await (manager ?? this.manager)
      .createQueryBuilder()
      .insert()
      .into(RevokedSessionEntity)
      .values({ tokenId, expiresAt })
      .orIgnore()
      .execute();
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    const rows = await hotQuery<unknown[]>(
      this.revoked.manager.connection,
      'SELECT 1 FROM revoked_sessions WHERE token_id = ?',
      [uuidBytes(tokenId)],
    );
    return rows.length > 0;
  }

  /** Rows of tokens that have expired anyway: bounded, so a logout never waits on a large delete. */
  async deleteExpired(before: Date, limit = 500): Promise<void> {
    await this.revoked.query('DELETE FROM revoked_sessions WHERE expires_at < ? LIMIT ?', [before, limit]);
  }
}
