import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * Every staff read of a resident's record, and every carer's read or action for a dependant (role `carer`,
 * `actorResidentId` the carer); shown to that resident, and a carer's entries to the carer too. Append-only.
 */
@Entity('access_log')
@Index('ix_access_log_resident', ['residentId', 'at'])
@Index('ix_access_log_actor', ['actorResidentId', 'at'])
export class AccessLogEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @UuidColumn({ name: 'staff_id', nullable: true })
  staffId!: string | null;

  /** The carer who acted for the resident; NULL for staff entries and once the carer is erased. */
  @UuidColumn({ name: 'actor_resident_id', nullable: true })
  actorResidentId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  @Column({ type: 'varchar', length: 128 })
  purpose!: string;

  @Column({ type: 'varchar', length: 32 })
  scope!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
