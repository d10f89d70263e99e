import type { HotlineDocumentType, HotlineVerificationStatus, IdType } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { StaffDecisionColumns } from '../../database/staff-decision.columns';
import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * A hotline-assisted verification: an agent checked a resident's papers and filed this; a different supervisor
 * approves (the resident becomes verified, method `hotline`) or refuses. The ID number is kept only as the HMAC
 * the profile holds and its masked form; the reason is staff text about one resident, erased with them.
 */
@Entity('hotline_verifications')
@Index('ix_hotline_verifications_status', ['status', 'requestedAt'])
@Index('ix_hotline_verifications_resident', ['residentId'])
export class HotlineVerificationEntity extends StaffDecisionColumns<HotlineVerificationStatus>({ statusLength: 16 }) {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ name: 'id_type', type: 'varchar', length: 16 })
  idType!: IdType;

  @Column({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  /** The PII_HMAC key version of `idHmac` (see hmac-keys/hmac-columns.constant.ts). */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ name: 'id_masked', type: 'varchar', length: 32 })
  idMasked!: string;

  @Column({ name: 'document_type', type: 'varchar', length: 32 })
  documentType!: HotlineDocumentType;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ name: 'call_ref', type: 'varchar', length: 40 })
  callRef!: string;

  /** The resident's region when filed: who may see and decide it. */
  @Column({ type: 'varchar', length: 12 })
  region!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
