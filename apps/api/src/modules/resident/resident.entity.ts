import type { VerificationMethod, VerificationState } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn } from '../../database/id-column.decorator';

/**
 * A resident. Personal fields are stored three ways: a keyed HMAC for matching authority feeds,
 * AES-256-GCM ciphertext under `piiKeyId` for authorised display, and a masked form for everyday display.
 */
@Entity('residents')
export class ResidentEntity {
  @PrimaryUuidColumn()
  id!: string;

  /** HMAC of `provider:host user id`; the host user id itself is never stored. */
  @Index('uq_residents_host_key', { unique: true })
  @Column({ name: 'host_key', type: 'binary', length: 32 })
  hostKey!: Buffer;

  /** The PII_HMAC key version of `host_key`. */
  @Column({ name: 'host_key_kid', type: 'tinyint', unsigned: true, default: 1 })
  hostKeyKid!: number;

  @Column({ name: 'host_provider', type: 'varchar', length: 16 })
  hostProvider!: string;

  @Column({ name: 'consent_version', type: 'varchar', length: 32, nullable: true })
  consentVersion!: string | null;

  @Column({ name: 'consent_at', type: 'datetime', precision: 3, nullable: true })
  consentAt!: Date | null;

  @Column({ name: 'pii_key_id', type: 'varchar', length: 16, nullable: true })
  piiKeyId!: string | null;

  @Column({ name: 'name_enc', type: 'varchar', length: 512, nullable: true })
  nameEnc!: string | null;

  @Column({ name: 'name_masked', type: 'varchar', length: 80, nullable: true })
  nameMasked!: string | null;

  @Column({ name: 'id_type', type: 'varchar', length: 16, nullable: true })
  idType!: string | null;

  /**
   * Unique: one ID number (type + number) is bound to at most one live resident. Erasure sets it NULL, and a
   * unique key allows any number of NULLs, so an erased account frees its number.
   */
  @Index('uq_residents_id_hmac', { unique: true })
  @Column({ name: 'id_hmac', type: 'binary', length: 32, nullable: true })
  idHmac!: Buffer | null;

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ name: 'id_enc', type: 'varchar', length: 512, nullable: true })
  idEnc!: string | null;

  @Column({ name: 'id_masked', type: 'varchar', length: 40, nullable: true })
  idMasked!: string | null;

  @Index('ix_residents_phone_hmac')
  @Column({ name: 'phone_hmac', type: 'binary', length: 32, nullable: true })
  phoneHmac!: Buffer | null;

  /** The PII_HMAC key version of `phone_hmac`. */
  @Column({ name: 'phone_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  phoneHmacKid!: number;

  @Column({ name: 'phone_enc', type: 'varchar', length: 512, nullable: true })
  phoneEnc!: string | null;

  @Column({ name: 'phone_masked', type: 'varchar', length: 24, nullable: true })
  phoneMasked!: string | null;

  /** `unverified` until a verifier proves the ID number is this resident's (see verification-state-machine.ts). */
  @Column({ name: 'verification_state', type: 'varchar', length: 16, default: 'unverified' })
  verificationState!: VerificationState;

  @Column({ name: 'verification_method', type: 'varchar', length: 16, nullable: true })
  verificationMethod!: VerificationMethod | null;

  @Column({ name: 'verified_at', type: 'datetime', precision: 3, nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verification_rejected_reason', type: 'varchar', length: 200, nullable: true })
  verificationRejectedReason!: string | null;

  @Column({ name: 'home_region', type: 'varchar', length: 6, nullable: true })
  homeRegion!: string | null;

  @Column({ name: 'current_region', type: 'varchar', length: 6, nullable: true })
  currentRegion!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true })
  deletedAt!: Date | null;
}
