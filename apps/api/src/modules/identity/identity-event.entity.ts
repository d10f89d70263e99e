import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type IdentityEventKind = 'verified' | 'rejected' | 'id-changed';

/**
 * What happened to a resident's identity, append-only. `verified` rows are also the list of numbers this resident
 * has proven: authority facts recorded against any of them keep counting after an ID change, so nobody sheds a
 * red code by changing identity. `proof_key` (sha256 of the method and the host's one-time reference) is unique,
 * so a host proof can be used once.
 */
@Entity('identity_events')
@Index('ix_identity_events_resident', ['residentId', 'kind'])
@Index('ix_identity_events_id_hmac', ['idHmac'])
export class IdentityEventEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: IdentityEventKind;

  @Column({ type: 'varchar', length: 16, nullable: true })
  method!: string | null;

  /** The number concerned: the one proven or refused, or for `id-changed` the number given up. */
  @Column({ name: 'id_hmac', type: 'binary', length: 32, nullable: true })
  idHmac!: Buffer | null;

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Index('uq_identity_events_proof_key', { unique: true })
  @Column({ name: 'proof_key', type: 'binary', length: 32, nullable: true })
  proofKey!: Buffer | null;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
