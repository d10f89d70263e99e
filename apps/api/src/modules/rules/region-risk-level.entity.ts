import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type RiskLevel = 'low' | 'medium' | 'high';

/**
 * One decision about a region's risk level, in force from `effectiveFrom`. For any day the latest decision wins
 * (`libs/rules`: the decision taking effect on the later day, then the one decided last, `createdAt`). Rows are
 * never overwritten: a mistaken decision is retracted (it then counts for nothing) and stays in the history.
 * `effectiveTo` is set only on rows from before decisions worked this way.
 */
@Entity('region_risk_levels')
@Index('ix_region_risk_levels_region', ['region', 'effectiveFrom'])
export class RegionRiskLevelEntity {
  @PrimaryUuidColumn()
  id!: string;

  /** GB/T 2260 prefix: 2, 4 or 6 digits. */
  @Column({ type: 'varchar', length: 6 })
  region!: string;

  @Column({ type: 'varchar', length: 8 })
  level!: RiskLevel;

  @Column({ name: 'effective_from', type: 'datetime', precision: 3 })
  effectiveFrom!: Date;

  @Column({ name: 'effective_to', type: 'datetime', precision: 3, nullable: true })
  effectiveTo!: Date | null;

  @UuidColumn({ name: 'set_by', nullable: true })
  setBy!: string | null;

  /** When the decision was taken. */
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'retracted_at', type: 'datetime', precision: 3, nullable: true })
  retractedAt?: Date | null;

  @UuidColumn({ name: 'retracted_by', nullable: true })
  retractedBy?: string | null;

  @Column({ name: 'retract_reason', type: 'varchar', length: 500, nullable: true })
  retractReason?: string | null;
}
