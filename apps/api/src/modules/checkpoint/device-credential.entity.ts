import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** A scanning device's credential, bound to one checkpoint. Only a hash of its secret is kept. */
@Entity('checkpoint_devices')
@Index('ix_checkpoint_devices_checkpoint', ['checkpointId'])
export class DeviceCredentialEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'checkpoint_id' })
  checkpointId!: string;

  @Column({ type: 'varchar', length: 64 })
  label!: string;

  /** SHA-256 of a 256-bit random secret: a slow hash adds nothing against guessing such a secret. */
  @Column({ name: 'secret_hash', type: 'binary', length: 32 })
  secretHash!: Buffer;

  @UuidColumn({ name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;
}
