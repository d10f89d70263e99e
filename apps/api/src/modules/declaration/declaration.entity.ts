import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export interface StayRecord {
  region: string;
  from: string;
  to: string;
}
export interface SymptomRecord {
  symptom: string;
  onset: string;
}

/** One declaration as submitted; the newest is the resident's current statement. Purged after the retention period. */
@Entity('declarations')
@Index('ix_declarations_resident', ['residentId', 'declaredAt'])
@Index('ix_declarations_declared_at', ['declaredAt'])
export class DeclarationEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ name: 'current_region', type: 'varchar', length: 6 })
  currentRegion!: string;

  @Column({ type: 'json' })
  stays!: StayRecord[];

  @Column({ type: 'json' })
  symptoms!: SymptomRecord[];

  @Column({ name: 'contact_date', type: 'date', nullable: true })
  contactDate!: string | null;

  @Column({ name: 'declared_at', type: 'datetime', precision: 3 })
  declaredAt!: Date;
}
