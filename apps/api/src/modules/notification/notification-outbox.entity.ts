import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type NotificationChannel = 'wechat' | 'alipay' | 'dev';
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'undeliverable';

/** The content of a message: a template and its fields, never an ID number or phone. */
export interface NotificationPayload {
  appealNumber: number | null;
  /** What happened, e.g. `appeal.info-requested`. */
  event: string;
  status: string;
  at: string;
}

/**
 * Written in the same transaction as the step it announces, then sent by a Bull job. A failed send keeps
 * the row (`failed` after the last retry), so no message is lost and the sweeper can send it again.
 */
@Entity('notification_outbox')
@Index('uq_notification_outbox_dedupe', ['dedupeKey'], { unique: true })
@Index('ix_notification_outbox_status', ['status', 'createdAt'])
@Index('ix_notification_outbox_resident', ['residentId', 'createdAt'])
export class NotificationOutboxEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: NotificationChannel;

  @Column({ type: 'json' })
  payload!: NotificationPayload;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 96 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: NotificationStatus;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 255, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;
}
