import type { WithdrawalStatus, WithdrawalTarget } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { StaffDecisionColumns } from '../../database/staff-decision.columns';
import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * A request to withdraw one authority fact or a whole import ("withdrawal #seq"), with its written reason. It
 * takes effect when a second staff member in scope approves: the facts move to authority_withdrawn_facts and
 * everyone they touched is re-scored; their history reads "record withdrawn by the authority: <reason>".
 */
@Entity('authority_withdrawals')
@Index('uq_authority_withdrawals_seq', ['seq'], { unique: true })
export class AuthorityWithdrawalEntity extends StaffDecisionColumns<WithdrawalStatus>({
  statusLength: 12,
  requestedAtColumn: 'created_at',
}) {
  @PrimaryUuidColumn()
  id!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 8 })
  target!: WithdrawalTarget;

  @UuidColumn({ name: 'target_id' })
  targetId!: string;

  /** Written by staff, shown to the residents concerned. */
  @Column({ type: 'varchar', length: 300 })
  reason!: string;

  /** Where the fact happened, or the import's scope: who may approve. */
  @Column({ type: 'varchar', length: 6 })
  region!: string;

  @Column({ type: 'int', nullable: true })
  facts!: number | null;

  @UuidColumn({ name: 'run_id', nullable: true })
  runId!: string | null;
}
