import type { Color, HistoryCause } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';
import type { StoredReason, StoredReasonsBefore } from './stored-code.util';

/** One change of a resident's code: colour, reasons or greenAt, with its cause. */
@Entity('code_history')
@Index('ix_code_history_resident', ['residentId', 'at'])
@Index('uq_code_history_cause', ['residentId', 'cause', 'causeRef'], { unique: true })
export class CodeHistoryEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'varchar', length: 24 })
  cause!: HistoryCause;

  /** What caused it: a rule-set version, an import id, an appeal id, or a unique event id (declaration, check-in). */
  @Column({ name: 'cause_ref', type: 'varchar', length: 64 })
  causeRef!: string;

  @Column({ name: 'color_before', type: 'varchar', length: 8, nullable: true })
  colorBefore!: Color | null;

  @Column({ name: 'color_after', type: 'varchar', length: 8 })
  colorAfter!: Color;

  /** What changed: the reasons before, those unchanged as indexes into `reasonsAfter` (read via `renderStoredHistory`). */
  @Column({ name: 'reasons_before', type: 'json' })
  reasonsBefore!: StoredReasonsBefore;

  /** The reasons after, stored without rendered texts like the code row's. */
  @Column({ name: 'reasons_after', type: 'json' })
  reasonsAfter!: StoredReason[];

  @Column({ name: 'green_at_after', type: 'date', nullable: true })
  greenAtAfter!: string | null;

  /** The carer whose action (declaration, check-in) caused the change, when they acted for this resident. */
  @UuidColumn({ name: 'actor_resident_id', nullable: true })
  actorResidentId!: string | null;
}
