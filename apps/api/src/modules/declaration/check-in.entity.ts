import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** One daily health check-in; the unique index makes "one per CST day" a database fact, not a race. */
@Entity('check_ins')
@Index('uq_check_ins_resident_day', ['residentId', 'day'], { unique: true })
@Index('ix_check_ins_created_at', ['createdAt'])
export class CheckInEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'boolean' })
  healthy!: boolean;

  @Column({ type: 'decimal', precision: 3, scale: 1, nullable: true })
  temperature!: string | null;

  @Column({ type: 'json' })
  symptoms!: string[];

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
