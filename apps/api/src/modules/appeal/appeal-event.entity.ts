import type { AppealStatus } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type AppealEventType =
  | 'submitted'
  | 'assigned'
  | 'review-started'
  | 'info-requested'
  | 'info-provided'
  | 'decided'
  | 'approved'
  | 'approval-refused'
  | 'closed'
  | 'withdrawn'
  | 'escalated'
  | 'region-handover';

/** One step of an appeal's timeline, shown to the resident (staff are named by role, never by person). */
@Entity('appeal_events')
@Index('ix_appeal_events_appeal', ['appealId', 'at'])
export class AppealEventEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'appeal_id' })
  appealId!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'varchar', length: 24 })
  type!: AppealEventType;

  @Column({ name: 'actor_kind', type: 'varchar', length: 10 })
  actorKind!: 'resident' | 'staff' | 'system';

  @UuidColumn({ name: 'actor_staff_id', nullable: true })
  actorStaffId!: string | null;

  @Column({ name: 'status_after', type: 'varchar', length: 16 })
  statusAfter!: AppealStatus;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'json', nullable: true })
  data!: Record<string, unknown> | null;
}
