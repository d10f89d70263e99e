import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** Every staff read of a resident's record; shown to that resident. Append-only. */
@Entity('access_log')
@Index('ix_access_log_resident', ['residentId', 'at'])
export class AccessLogEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @UuidColumn({ name: 'staff_id', nullable: true })
  staffId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  @Column({ type: 'varchar', length: 128 })
  purpose!: string;

  @Column({ type: 'varchar', length: 32 })
  scope!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
