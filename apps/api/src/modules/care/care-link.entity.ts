import type { CareConsentMethod, CareKind, CareStatus } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/**
 * A carer (a resident with an account) may act for a dependant (a child, an elderly parent). Pending until the
 * dependant's consent is in (an adult on their own device, or at the hotline); removed links stay as history
 * until either side is erased.
 */
@Entity('care_links')
@Index('ix_care_links_carer', ['carerId', 'status'])
@Index('ix_care_links_dependant', ['dependantId', 'status'])
@Index('uq_care_links_live', ['carerId', 'dependantId', 'live'], { unique: true })
export class CareLinkEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'carer_id' })
  carerId!: string;

  @UuidColumn({ name: 'dependant_id' })
  dependantId!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: CareKind;

  @Column({ type: 'varchar', length: 8 })
  status!: CareStatus;

  /** 1 while pending or active, NULL once removed: the unique key allows one live link per pair. */
  @Column({ type: 'tinyint', unsigned: true, nullable: true })
  live!: 1 | null;

  /** How the dependant's consent was given; null while an adult's is awaited. */
  @Column({ name: 'consent_method', type: 'varchar', length: 24, nullable: true })
  consentMethod!: CareConsentMethod | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt!: Date | null;

  /** The staff member who approved a hotline consent (the filer is in the audit log). */
  @UuidColumn({ name: 'confirmed_by_staff', nullable: true })
  confirmedByStaff!: string | null;

  @Column({ name: 'removed_at', type: 'datetime', precision: 3, nullable: true })
  removedAt!: Date | null;

  /** Who ended the link: the carer, the dependant, or the adult refusing a pending request. */
  @Column({ name: 'removed_by', type: 'varchar', length: 12, nullable: true })
  removedBy!: 'carer' | 'dependant' | null;
}
