import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, LessThanOrEqual, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { bufferToUuid, newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { DevMessageEntity } from './dev-message.entity';
import {
  type ColorNotificationPayload,
  type NotificationChannel,
  NotificationOutboxEntity,
  type NotificationStatus,
} from './notification-outbox.entity';
import { NotificationRecipientEntity } from './notification-recipient.entity';

const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export interface ColorOutboxRow {
  residentId: string;
  channel: NotificationChannel;
  payload: ColorNotificationPayload;
  dedupeKey: string;
  createdAt: Date;
  notBefore: Date;
}

@Injectable()
export class NotificationRepository {
  constructor(
    @InjectRepository(NotificationOutboxEntity) private readonly outbox: Repository<NotificationOutboxEntity>,
    @InjectRepository(NotificationRecipientEntity) private readonly recipients: Repository<NotificationRecipientEntity>,
    @InjectRepository(DevMessageEntity) private readonly devMessages: Repository<DevMessageEntity>,
  ) {}

  /** Inside the caller's transaction; a repeated dedupe key is ignored (a retried step notifies once). */
  async insertOutbox(manager: EntityManager, row: Omit<NotificationOutboxEntity, 'id'>): Promise<string> {
    const id = newId();
    const result = await manager
      .getRepository(NotificationOutboxEntity)
      .createQueryBuilder()
      .insert()
      .values({ ...row, id } as QueryDeepPartialEntity<NotificationOutboxEntity>)
      .orIgnore()
      .execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 0 ? '' : id;
  }

  /** The host app each resident signed up with (the channel of their messages). */
  async hostProviders(manager: EntityManager, residentIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(residentIds)) {
      const rows = (await manager.query(
        `SELECT id, host_provider FROM residents WHERE id IN (${part.map(() => '?').join(',')})`,
        part.map(uuidToBuffer),
      )) as { id: Buffer; host_provider: string }[];
      for (const r of rows) out.set(bufferToUuid(r.id), r.host_provider);
    }
    return out;
  }

  /** Status of the outbox rows with these dedupe keys (absent keys have no row). */
  async statusByDedupeKey(manager: EntityManager, keys: readonly string[]): Promise<Map<string, NotificationStatus>> {
    const out = new Map<string, NotificationStatus>();
    for (const part of chunks(keys)) {
      const rows = (await manager.query(
        `SELECT dedupe_key, status FROM notification_outbox WHERE dedupe_key IN (${part.map(() => '?').join(',')}) FOR UPDATE`,
        part,
      )) as { dedupe_key: string; status: NotificationStatus }[];
      for (const r of rows) out.set(r.dedupe_key, r.status);
    }
    return out;
  }

  /**
   * One statement per 500 colour changes: a new window row, or the window's pending row rewritten with the latest
   * colour, reason and green-by date (its first `fromColor` and send time stay) and its version bumped, so a sender
   * that read the older version cannot claim it. A row no longer pending (claimed, sent) is left alone.
   */
  async upsertColorOutbox(manager: EntityManager, rows: readonly ColorOutboxRow[]): Promise<void> {
    for (const part of chunks(rows)) {
      await manager.query(
        `INSERT INTO notification_outbox (id, resident_id, channel, payload, dedupe_key, status, attempts, last_error, created_at, sent_at, not_before)
         VALUES ${part.map(() => "(?,?,?,?,?,'pending',0,NULL,?,NULL,?)").join(',')}
         ON DUPLICATE KEY UPDATE payload = IF(status = 'pending',
           JSON_SET(VALUES(payload), '$.fromColor', JSON_VALUE(payload, '$.fromColor')), payload),
           version = IF(status = 'pending', version + 1, version)`,
        part.flatMap((r) => [
          uuidToBuffer(newId()),
          uuidToBuffer(r.residentId),
          r.channel,
          JSON.stringify(r.payload),
          r.dedupeKey,
          r.createdAt,
          r.notBefore,
        ]),
      );
    }
  }

  /** The pending rows behind these dedupe keys, to enqueue after commit. */
  async pendingByDedupeKey(
    manager: EntityManager,
    keys: readonly string[],
  ): Promise<{ id: string; notBefore: Date | null }[]> {
    const out: { id: string; notBefore: Date | null }[] = [];
    for (const part of chunks(keys)) {
      const rows = (await manager.query(
        `SELECT id, not_before FROM notification_outbox WHERE status = 'pending' AND dedupe_key IN (${part.map(() => '?').join(',')})`,
        part,
      )) as { id: Buffer; not_before: Date | null }[];
      out.push(...rows.map((r) => ({ id: bufferToUuid(r.id), notBefore: r.not_before })));
    }
    return out;
  }

  findOutbox(id: string): Promise<NotificationOutboxEntity | null> {
    return this.outbox.findOne({ where: { id } });
  }

  /**
   * The sender's claim, one statement: the row becomes `sending` only if it is still claimable and still at the
   * version the sender read. False when a change was folded in since (read it again) or another worker has it.
   * From then on no change folds into it (folding touches only `pending` rows): the next change makes a new row.
   */
  async claimOutbox(id: string, version: number, now: Date, staleBefore: Date): Promise<boolean> {
    const result = (await this.outbox.query(
      `UPDATE notification_outbox SET status = 'sending', version = version + 1, claimed_at = ?
        WHERE id = ? AND version = ?
          AND (status IN ('pending', 'failed') OR (status = 'sending' AND claimed_at <= ?))`,
      [now, uuidToBuffer(id), version, staleBefore],
    )) as { affectedRows?: number };
    return (result.affectedRows ?? 0) === 1;
  }

  /** Records the outcome of a claimed send; only the claim that holds the row (same version) may. */
  async markOutbox(
    id: string,
    claimedVersion: number,
    fields: { status: NotificationStatus; attempts: number; lastError: string | null; sentAt?: Date | null },
  ): Promise<void> {
    await this.outbox.update({ id, status: 'sending', version: claimedVersion }, { ...fields, claimedAt: null });
  }

  /**
   * Rows still pending since before `olderThan` and due by `now`, or claimed by a worker that died before
   * `staleClaimBefore`: their job was lost (Redis was down, or the process died).
   */
  async pendingSince(olderThan: Date, now: Date, limit: number, staleClaimBefore: Date): Promise<string[]> {
    const rows = await this.outbox
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where({ createdAt: LessThanOrEqual(olderThan) })
      .andWhere(
        new Brackets((b) =>
          b
            .where("o.status = 'pending'")
            .orWhere("(o.status = 'sending' AND o.claimed_at <= :stale)", { stale: staleClaimBefore }),
        ),
      )
      .andWhere(new Brackets((b) => b.where('o.not_before IS NULL').orWhere('o.not_before <= :now', { now })))
      .orderBy('o.created_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: Buffer }>();
    return rows.map((r) => bufferToUuid(r.id));
  }

  listOutboxForResident(residentId: string): Promise<NotificationOutboxEntity[]> {
    return this.outbox.find({ where: { residentId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async upsertRecipient(row: NotificationRecipientEntity): Promise<void> {
    await this.recipients
      .createQueryBuilder()
      .insert()
      .values(row as QueryDeepPartialEntity<NotificationRecipientEntity>)
      .orUpdate(['channel', 'recipient_enc', 'updated_at'], ['resident_id'])
      .execute();
  }

  findRecipient(residentId: string): Promise<NotificationRecipientEntity | null> {
    return this.recipients.findOne({ where: { residentId } });
  }

  async insertDevMessage(row: Omit<DevMessageEntity, 'id'>): Promise<void> {
    await this.devMessages
      .createQueryBuilder()
      .insert()
      .values({ ...row, id: newId() } as QueryDeepPartialEntity<DevMessageEntity>)
      .orIgnore()
      .execute();
  }

  listDevMessages(residentId: string, limit = 100): Promise<DevMessageEntity[]> {
    return this.devMessages.find({ where: { residentId }, order: { at: 'DESC' }, take: limit });
  }

  /** Erasure: every message of the resident and their recipient row; returns how many outbox messages went. */
  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    const outbox = (await manager.getRepository(NotificationOutboxEntity).delete({ residentId })).affected ?? 0;
    await manager.getRepository(DevMessageEntity).delete({ residentId });
    await manager.getRepository(NotificationRecipientEntity).delete({ residentId });
    return outbox;
  }
}
