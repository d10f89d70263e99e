import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThanOrEqual, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { newId } from '../../database/uuid-binary.transformer';
import { DevMessageEntity } from './dev-message.entity';
import { NotificationOutboxEntity, type NotificationStatus } from './notification-outbox.entity';
import { NotificationRecipientEntity } from './notification-recipient.entity';

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

  findOutbox(id: string): Promise<NotificationOutboxEntity | null> {
    return this.outbox.findOne({ where: { id } });
  }

  async markOutbox(
    id: string,
    fields: { status: NotificationStatus; attempts: number; lastError: string | null; sentAt?: Date | null },
  ): Promise<void> {
    await this.outbox.update({ id }, fields);
  }

  /** Rows still pending since before `olderThan`: their job was lost (Redis was down, or the process died). */
  async pendingSince(olderThan: Date, limit: number): Promise<string[]> {
    const rows = await this.outbox.find({
      select: { id: true },
      where: { status: 'pending', createdAt: LessThanOrEqual(olderThan) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
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
