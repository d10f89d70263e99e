import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type RiskLevel = 'low' | 'medium' | 'high';

/** A region's risk level over an interval; history is kept by closing intervals, never by overwriting. */
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

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
