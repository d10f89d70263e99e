import type { StaffGrantKind, StaffGrantStatus, StaffRole } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { StaffDecisionColumns } from '../../database/staff-decision.columns';
import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * A privileged role (supervisor, region-admin, system-admin) asked for by one system-admin and decided by
 * another. The account keeps its previous role (or stays disabled, for a new account) until approval.
 */
@Entity('staff_role_grants')
@Index('idx_staff_role_grants_status', ['status', 'requestedAt'])
@Index('idx_staff_role_grants_staff', ['staffId'])
export class StaffRoleGrantEntity extends StaffDecisionColumns<StaffGrantStatus>({ statusLength: 10 }) {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'staff_id' })
  staffId!: string;

  /** The account's user name and display name when asked for: a refused new account is removed. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: StaffGrantKind;

  @Column({ type: 'varchar', length: 24 })
  role!: StaffRole;

  @Column({ name: 'region_scope', type: 'varchar', length: 6 })
  regionScope!: string;

  @Column({ name: 'previous_role', type: 'varchar', length: 24, nullable: true })
  previousRole!: StaffRole | null;

  @Column({ name: 'previous_region_scope', type: 'varchar', length: 6, nullable: true })
  previousRegionScope!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;
}
