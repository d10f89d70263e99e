import type {
  LocalizedText,
  AppealOutcome,
  AppealStatus,
  ApprovalState,
  CodeReason,
  Color,
} from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** The decision as written by the agent; its effect waits for approval when it lowers a colour. */
export interface AppealDecision {
  outcome: AppealOutcome;
  reason: string;
  override: { color: Color; until: string } | null;
  /** The staff_overrides row the decision created (pending until approved). */
  overrideId: string | null;
  /** An emergency raise's stop-gap override, active at once and ending with the day unless approved. */
  emergencyOverrideId?: string | null;
  /** Authority row excluded for this resident (an upheld wrong case match). */
  correctsRowHash: string | null;
  approval: ApprovalState;
  decidedBy: string;
  decidedAt: string;
  approvedBy: string | null;
}

/**
 * A resident's dispute of one reason on their code. `openReasonKey` is set only while the appeal is in
 * progress, so the unique index allows one open appeal per reason and any number of finished ones.
 */
@Entity('appeals')
@Index('uq_appeals_number', ['number'], { unique: true })
@Index('uq_appeals_open_reason', ['residentId', 'openReasonKey'], { unique: true })
@Index('ix_appeals_resident', ['residentId', 'submittedAt'])
@Index('ix_appeals_assignee', ['assignedTo', 'status'])
@Index('ix_appeals_status', ['status', 'region'])
export class AppealEntity {
  @PrimaryUuidColumn()
  id!: string;

  /** "appeal #N": allocated from `appeal_counters`, never an AUTO_INCREMENT key. */
  @Column({ type: 'int', unsigned: true })
  number!: number;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ name: 'rule_id', type: 'varchar', length: 64 })
  ruleId!: string;

  @Column({ name: 'reason_key', type: 'varchar', length: 191 })
  reasonKey!: string;

  @Column({ name: 'open_reason_key', type: 'varchar', length: 191, nullable: true })
  openReasonKey!: string | null;

  /** The reason exactly as the resident saw it when filing. */
  @Column({ name: 'reason_snapshot', type: 'json' })
  reasonSnapshot!: CodeReason;

  /** A known category or the region's own (`appeal_region_policies.categories`). */
  @Column({ type: 'varchar', length: 24 })
  category!: string;

  /** The category's label as the resident chose it: a region may later rename or drop its own categories. */
  @Column({ name: 'category_label', type: 'json', nullable: true })
  categoryLabel!: LocalizedText | null;

  @Column({ type: 'text' })
  statement!: string;

  /** The resident's current region when filing: decides the agents, supervisors and deadlines. */
  @Column({ type: 'varchar', length: 6 })
  region!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AppealStatus;

  @UuidColumn({ name: 'assigned_to', nullable: true })
  assignedTo!: string | null;

  @UuidColumn({ name: 'escalated_to', nullable: true })
  escalatedTo!: string | null;

  @Column({ type: 'json', nullable: true })
  decision!: AppealDecision | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt!: Date;

  @Column({ name: 'first_response_due_at', type: 'datetime', precision: 3 })
  firstResponseDueAt!: Date;

  @Column({ name: 'decision_due_at', type: 'datetime', precision: 3 })
  decisionDueAt!: Date;

  @Column({ name: 'first_responded_at', type: 'datetime', precision: 3, nullable: true })
  firstRespondedAt!: Date | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
