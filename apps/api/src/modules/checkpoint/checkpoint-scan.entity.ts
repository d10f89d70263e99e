import type { Color, ScanReason } from '@healthcode/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { UUID_BINARY } from '../../database/uuid-binary.transformer';

/**
 * One scan, and only this: the checkpoint, the random code id, the result and the time. No resident id,
 * no device, no position. The primary key makes a replayed clientScanId a no-op (INSERT IGNORE).
 */
@Entity('checkpoint_scans')
@Index('ix_checkpoint_scans_code', ['codeId', 'scannedAt'])
@Index('ix_checkpoint_scans_checkpoint_time', ['checkpointId', 'scannedAt'])
@Index('ix_checkpoint_scans_scanned_at', ['scannedAt'])
export class CheckpointScanEntity {
  @PrimaryColumn({ name: 'checkpoint_id', type: 'binary', length: 16, transformer: UUID_BINARY })
  checkpointId!: string;

  @PrimaryColumn({ name: 'client_scan_id', type: 'varchar', length: 64 })
  clientScanId!: string;

  /** Null when the token could not be read or verified. */
  @Column({ name: 'code_id', type: 'varchar', length: 32, nullable: true })
  codeId!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  color!: Color | null;

  @Column({ type: 'boolean' })
  admitted!: boolean;

  @Column({ type: 'varchar', length: 24 })
  reason!: ScanReason;

  @Column({ name: 'scanned_at', type: 'datetime', precision: 3 })
  scannedAt!: Date;
}
