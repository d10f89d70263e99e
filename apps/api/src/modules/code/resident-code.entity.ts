import type { Color } from '@healthcode/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { UUID_BINARY } from '../../database/uuid-binary.transformer';
import type { StoredGreenWhen, StoredReason, StoredStep } from './stored-code.util';

/** The current evaluated code of each resident (one row each), kept by every write path and by re-scoring. */
@Entity('resident_codes')
@Index('ix_resident_codes_region_color', ['region', 'color'])
@Index('ix_resident_codes_stale_at', ['staleAt'])
// The colour alone in resident order: a preview compares colours without reading the rows' reasons (issue #16).
@Index('ix_resident_codes_color', ['residentId', 'color'])
export class ResidentCodeEntity {
  @PrimaryColumn({ name: 'resident_id', type: 'binary', length: 16, transformer: UUID_BINARY })
  residentId!: string;

  @Column({ type: 'varchar', length: 8 })
  color!: Color;

  /** Stored without rendered texts (`stored-code.util`); read through `renderStoredCode`. */
  @Column({ type: 'json' })
  reasons!: StoredReason[];

  @Column({ name: 'green_at', type: 'date', nullable: true })
  greenAt!: string | null;

  @Column({ name: 'green_when', type: 'json', nullable: true })
  greenWhen!: StoredGreenWhen | null;

  @Column({ type: 'json' })
  steps!: StoredStep[];

  @Column({ name: 'rule_set_version', type: 'int' })
  ruleSetVersion!: number;

  /** Random id carried in QR tokens instead of any resident identifier; changes when the resident is erased. */
  @Index('uq_resident_codes_code_id', { unique: true })
  @Column({ name: 'code_id', type: 'varchar', length: 32 })
  codeId!: string;

  /** Bumped on every colour change, so older tokens can be recognised as superseded. */
  @Column({ name: 'code_version', type: 'int', default: 1 })
  codeVersion!: number;

  @Column({ name: 'color_changed_at', type: 'datetime', precision: 3 })
  colorChangedAt!: Date;

  /** The resident's current region, for per-region statistics. */
  @Column({ type: 'varchar', length: 6 })
  region!: string;

  @Column({ name: 'evaluated_at', type: 'datetime', precision: 3 })
  evaluatedAt!: Date;

  /** When this evaluation may change by the passage of time alone (a greenAt or an `until`); null if never. */
  @Column({ name: 'stale_at', type: 'datetime', precision: 3, nullable: true })
  staleAt!: Date | null;

  /** Bumped by every write of this row (both write paths), so a per-process rendered copy knows it is current. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  revision!: number;
}
