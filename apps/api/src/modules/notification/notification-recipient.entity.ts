import { Column, Entity, PrimaryColumn } from 'typeorm';

import { UUID_BINARY } from '../../database/uuid-binary.transformer';

/** The host-app user id messages go to (WeChat openid, Alipay open id), encrypted like personal data. */
@Entity('notification_recipients')
export class NotificationRecipientEntity {
  @PrimaryColumn({ name: 'resident_id', type: 'binary', length: 16, transformer: UUID_BINARY })
  residentId!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: string;

  @Column({ name: 'recipient_enc', type: 'varchar', length: 512 })
  recipientEnc!: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
