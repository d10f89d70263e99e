import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * "This authority row is not this resident": keyed by the row's content hash, so re-importing the same
 * feed row (even under a new id) never matches the resident again.
 */
@Entity('fact_corrections')
@Index('uq_fact_corrections_resident_row', ['residentId', 'rowHash'], { unique: true })
export class FactCorrectionEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ name: 'row_hash', type: 'binary', length: 32 })
  rowHash!: Buffer;

  @UuidColumn({ name: 'authority_fact_id', nullable: true })
  authorityFactId!: string | null;

  @UuidColumn({ name: 'appeal_id', nullable: true })
  appealId!: string | null;

  @UuidColumn({ name: 'created_by' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
