import type { TrustedIssuerStatus } from '@healthcode/contracts';
import type { JSONWebKeySet } from '@healthcode/qr-token';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * A peer deployment on the trust list: its issuer id, region, contact and the public keys pinned when it was
 * added (fetched from its signed issuer document, or pasted). `pending` until a second administrator approves;
 * `suspended` keeps the row so checkpoints can say why its codes are refused. Removal deletes the row (the audit
 * log keeps the history).
 */
@Entity('trusted_issuers')
@Index('ux_trusted_issuers_issuer', ['issuerId'], { unique: true })
export class TrustedIssuerEntity {
  @PrimaryUuidColumn()
  id!: string;

  @Column({ name: 'issuer_id', type: 'varchar', length: 32 })
  issuerId!: string;

  @Column({ type: 'varchar', length: 16 })
  region!: string;

  @Column({ type: 'varchar', length: 200 })
  contact!: string;

  @Column({ type: 'varchar', length: 8 })
  source!: 'document' | 'keys';

  @Column({ name: 'document_url', type: 'varchar', length: 2048, nullable: true })
  documentUrl!: string | null;

  /** Public keys only (kty, crv, x, y, kid, alg, use). */
  @Column({ type: 'json' })
  jwks!: JSONWebKeySet;

  @Column({ type: 'varchar', length: 12 })
  status!: TrustedIssuerStatus;

  @Column({ name: 'not_before', type: 'datetime', precision: 3 })
  notBefore!: Date;

  @Column({ name: 'not_after', type: 'datetime', precision: 3 })
  notAfter!: Date;

  /** Who asked for the current trust (added it, or asked to reinstate it): they cannot approve it. */
  @UuidColumn({ name: 'requested_by' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt!: Date;

  @UuidColumn({ name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'suspended_reason', type: 'varchar', length: 200, nullable: true })
  suspendedReason!: string | null;

  /** New public keys asked for (the peer rotated its keys), waiting for a second administrator; null: none. */
  @Column({ name: 'pending_jwks', type: 'json', nullable: true })
  pendingJwks!: JSONWebKeySet | null;

  /** Who asked for the pending keys: they cannot approve them. */
  @UuidColumn({ name: 'keys_requested_by', nullable: true })
  keysRequestedBy!: string | null;

  @Column({ name: 'keys_requested_at', type: 'datetime', precision: 3, nullable: true })
  keysRequestedAt!: Date | null;

  /** Bumped on every change: a stale approval (of an entry changed meanwhile) updates nothing. */
  @Column({ type: 'int', default: 0 })
  version!: number;
}
