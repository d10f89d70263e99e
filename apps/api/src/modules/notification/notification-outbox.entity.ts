import type { Color, LocalizedText } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type NotificationChannel = 'wechat' | 'alipay' | 'dev';
/**
 * `sending`: a worker claimed the row (nothing folds into it any more); `collapsed`: several colour changes within
 * the window ended where they started, so nothing was worth sending.
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'undeliverable' | 'collapsed';

/** An appeal step. The content of a message is a template and its fields, never an ID number or phone. */
export interface AppealNotificationPayload {
  kind?: 'appeal';
  appealNumber: number | null;
  /** What happened, e.g. `appeal.info-requested`. */
  event: string;
  status: string;
  at: string;
}

/** A re-score changed the resident's colour: the latest colour of the window, its first reason, the green-by date. */
export interface ColorNotificationPayload {
  kind: 'color';
  /** The colour before the first change of the window (kept when later changes are folded in). */
  fromColor: Color;
  color: Color;
  /** The first reason's text (a rule's wording, no personal data); null when the code turned green. */
  reason: LocalizedText | null;
  /** `YYYY-MM-DD` (China date) when the code turns green if nothing new happens; null if unknown or green. */
  greenBy: string | null;
  at: string;
}

export type NotificationPayload = AppealNotificationPayload | ColorNotificationPayload;

export const isColorPayload = (p: NotificationPayload): p is ColorNotificationPayload => p.kind === 'color';

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

  /** Not sent before this time (colour changes wait for the window to collect later changes); null: at once. */
  @Column({ name: 'not_before', type: 'datetime', precision: 3, nullable: true })
  notBefore!: Date | null;

  /** Bumped by every change folded into the row and by the sender's claim: a claim names the version it read. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  version!: number;

  /** When a worker claimed the row (`sending`); a claim older than the stale limit may be taken again. */
  @Column({ name: 'claimed_at', type: 'datetime', precision: 3, nullable: true })
  claimedAt!: Date | null;
}
