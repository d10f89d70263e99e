import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { UUID_BINARY } from '../../database/uuid-binary.transformer';

/** One bearer token ended before its expiry (a logout), by its `jti`; rows are dropped once the token expires. */
@Entity('revoked_sessions')
export class RevokedSessionEntity {
  @PrimaryColumn({ name: 'token_id', type: 'binary', length: 16, transformer: UUID_BINARY })
  tokenId!: string;

  @Index('ix_revoked_sessions_expires_at')
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
