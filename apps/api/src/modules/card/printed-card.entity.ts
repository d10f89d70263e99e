import type { CardRevokeReason } from '@healthcode/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { UuidColumn } from '../../database/id-column.decorator';

/**
 * A printed card (issue #19). Its id is random (`generateCodeId`), printed only inside the signed QR; like a code
 * token's id it is linked to the resident here and in `code_tokens` (so its scans list as the resident's), nowhere
 * else. The token itself is not stored: it is signed again whenever the PDF is made.
 */
@Entity('printed_cards')
@Index('ix_printed_cards_resident', ['residentId', 'issuedAt'])
@Index('ix_printed_cards_expires_at', ['expiresAt'])
export class PrintedCardEntity {
  @PrimaryColumn({ name: 'card_id', type: 'varchar', length: 32 })
  cardId!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  /** Hotline staff who issued it for the resident; null when the resident (or a carer) did. */
  @UuidColumn({ name: 'issued_by_staff_id', nullable: true })
  issuedByStaffId!: string | null;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 24, nullable: true })
  revokeReason!: CardRevokeReason | null;
}
