import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * A scan request refused before its token was looked at (a device credential of another checkpoint).
 * Kept apart from scans so a foreign device can never occupy a clientScanId of this checkpoint.
 */
@Entity('checkpoint_refusals')
@Index('ix_checkpoint_refusals_checkpoint_time', ['checkpointId', 'at'])
export class CheckpointRefusalEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'checkpoint_id' })
  checkpointId!: string;

  @Column({ type: 'varchar', length: 24 })
  reason!: 'wrong-checkpoint';

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
