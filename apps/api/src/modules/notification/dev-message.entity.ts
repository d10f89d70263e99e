import type { LocalizedText } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** What the `dev` provider "sends": stored for the H5 app to show under `GET /api/v1/me/notifications`. */
@Entity('dev_messages')
@Index('uq_dev_messages_outbox', ['outboxId'], { unique: true })
@Index('ix_dev_messages_resident', ['residentId', 'at'])
export class DevMessageEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @UuidColumn({ name: 'outbox_id' })
  outboxId!: string;

  @Column({ type: 'json' })
  title!: LocalizedText;

  @Column({ type: 'json' })
  body!: LocalizedText;

  @Column({ name: 'appeal_number', type: 'int', unsigned: true, nullable: true })
  appealNumber!: number | null;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
