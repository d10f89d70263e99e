import type { Color } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type StaffOverrideStatus = 'pending' | 'active' | 'refused';

/**
 * A staff override fact: the code shows `color` until `until` (exclusive), with `reason` shown to the
 * resident word for word. A pending override changes nothing until a second staff member approves it.
 */
@Entity('staff_overrides')
@Index('ix_staff_overrides_resident', ['residentId', 'status'])
export class StaffOverrideEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ type: 'varchar', length: 8 })
  color!: Color;

  @Column({ type: 'date' })
  until!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: StaffOverrideStatus;

  @UuidColumn({ name: 'appeal_id', nullable: true })
  appealId!: string | null;

  @UuidColumn({ name: 'created_by' })
  createdBy!: string;

  @UuidColumn({ name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt!: Date | null;
}
