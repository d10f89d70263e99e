import { Column, Entity, PrimaryColumn } from 'typeorm';

import { UUID_BINARY } from '../../database/uuid-binary.transformer';

/**
 * A resident's session generation. Every resident token carries the epoch it was issued under (`sep`);
 * raising the epoch (erasure, an ID change, a ban) ends every live token at once. No row means epoch 0.
 */
@Entity('resident_session_epochs')
export class ResidentSessionEpochEntity {
  @PrimaryColumn({ name: 'resident_id', type: 'binary', length: 16, transformer: UUID_BINARY })
  residentId!: string;

  @Column({ type: 'int' })
  epoch!: number;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3 })
  revokedAt!: Date;
}
