import { Column } from 'typeorm';

import { UuidColumn } from './id-column.decorator';

/**
 * The columns every two-person request shares (hotline verifications, tracing requests, staff role grants,
 * authority withdrawals): its status, who asked and when, who decided and when. An entity extends the class this
 * returns, so the properties stay flat on the entity (`row.decidedBy`) and the column names stay what the
 * migrations created; the schema-drift medium spec (migrations.medium-spec.ts) holds the two together.
 */
export function StaffDecisionColumns<Status extends string>(options: {
  /** Each table sized its status column for its own statuses. */
  statusLength: number;
  /** authority_withdrawals calls the request time `created_at`. */
  requestedAtColumn?: string;
}) {
  abstract class StaffDecision {
    @Column({ type: 'varchar', length: options.statusLength })
    status!: Status;

    @UuidColumn({ name: 'requested_by' })
    requestedBy!: string;

    @Column({ name: options.requestedAtColumn ?? 'requested_at', type: 'datetime', precision: 3 })
    requestedAt!: Date;

    /** Null while pending; never the requester (the services refuse that). */
    @UuidColumn({ name: 'decided_by', nullable: true })
    decidedBy!: string | null;

    @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
    decidedAt!: Date | null;
  }
  return StaffDecision;
}
