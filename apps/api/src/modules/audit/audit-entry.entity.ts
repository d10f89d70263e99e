import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { UuidColumn } from '../../database/id-column.decorator';

/** BIGINT comes back from mysql2 as a string; sequence numbers stay far below 2^53. */
const BIGINT_NUMBER = { to: (v: number) => v, from: (v: string | number) => Number(v) };

export type AuditActorKind = 'staff' | 'system';

/**
 * One change made by a staff member or a system job. Entries form a hash chain: `hash` is sha256 over the
 * previous entry's hash and this entry's canonical serialisation, so editing, deleting or reordering any
 * row breaks every hash after it. Rows are never updated or deleted by the application.
 */
@Entity('audit_log')
@Index('ix_audit_log_action', ['action', 'seq'])
@Index('ix_audit_log_actor', ['actorId', 'seq'])
@Index('ix_audit_log_target', ['targetType', 'targetId'])
@Index('ix_audit_log_at', ['at'])
export class AuditEntryEntity {
  /** Gapless position in the chain, assigned under the chain-head lock. */
  @PrimaryColumn({ type: 'bigint', transformer: BIGINT_NUMBER })
  seq!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ name: 'actor_kind', type: 'varchar', length: 8 })
  actorKind!: AuditActorKind;

  @UuidColumn({ name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** The staff role at the time, or the system job's name. */
  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  /** Dotted verb, e.g. `staff.created`, `rules.published`, `retention.purged`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId!: string | null;

  /** The GB/T 2260 region the change concerns, if any: scoped auditors see only their regions. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  region!: string | null;

  /** What changed, without personal data (enforced by AuditService). */
  @Column({ type: 'json' })
  details!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'binary', length: 32 })
  prevHash!: Buffer;

  @Column({ type: 'binary', length: 32 })
  hash!: Buffer;
}
