import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { UuidColumn } from '../../database/id-column.decorator';

/**
 * The only link from a QR token's random id (`cid`) to its resident. Every token gets a fresh id, so scans of
 * two tokens cannot be linked without this table; a row lives for the token's validity plus the scan
 * retention period (a scan's owner must stay findable while the scan is kept), then the retention purge drops it.
 */
@Entity('code_tokens')
@Index('ix_code_tokens_resident', ['residentId'])
@Index('ix_code_tokens_expires_at', ['expiresAt'])
export class CodeTokenEntity {
  @PrimaryColumn({ name: 'token_id', type: 'varchar', length: 32 })
  tokenId!: string;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
