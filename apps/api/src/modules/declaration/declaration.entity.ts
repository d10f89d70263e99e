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

/** The database's expression of `inputs_hash`: byte-exact (JSON_ARRAY quotes each value), so equal hashes mean equal inputs. */
export const DECLARATION_INPUTS_HASH =
  'UNHEX(SHA2(JSON_ARRAY(`current_region`, `stays`, `symptoms`, `contact_date`), 256))';

/** One declaration as submitted; the newest is the resident's current statement. Purged after the retention period. */
@Entity('declarations')
@Index('ix_declarations_resident', ['residentId', 'declaredAt'])
@Index('ix_declarations_declared_at', ['declaredAt'])
@Index('ix_declarations_resident_inputs', ['residentId', 'inputsHash'])
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

  /**
   * SHA-256 of every input a declaration gives an evaluation (current region, stays, symptoms, contact date), computed
   * by the database and kept only in the index beside the resident id: a preview counts residents with identical
   * declarations from that narrow index instead of grouping the JSON text of every row (issue #16).
   */
  @Column({
    name: 'inputs_hash',
    type: 'binary',
    length: 32,
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'VIRTUAL',
    asExpression: DECLARATION_INPUTS_HASH,
  })
  inputsHash?: Buffer;
}
