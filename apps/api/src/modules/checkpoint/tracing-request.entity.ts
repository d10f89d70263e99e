import type { TracingStatus } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { StaffDecisionColumns } from '../../database/staff-decision.columns';
import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * The only way staff see scans of one person: a contact-tracing request for one confirmed case, made by
 * a hotline agent or supervisor and approved by a different supervisor. Every read is also written to
 * the resident's access log.
 */
@Entity('contact_tracing_requests')
@Index('ix_contact_tracing_requests_status', ['status', 'requestedAt'])
export class TracingRequestEntity extends StaffDecisionColumns<TracingStatus>({ statusLength: 16 }) {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ name: 'case_reference', type: 'varchar', length: 64 })
  caseReference!: string;

  @Column({ type: 'varchar', length: 500 })
  justification!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
