import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';
import type { AuthorityFactKind } from '../authority-facts/authority-fact.entity';

/**
 * A fact taken out of authority_facts by an approved withdrawal, kept as it was (same id) so the history of what
 * the authority sent stays complete. Nothing reads it for scoring.
 */
@Entity('authority_withdrawn_facts')
@Index('ix_authority_withdrawn_facts_withdrawal', ['withdrawalId'])
@Index('ix_authority_withdrawn_facts_id_hmac', ['idHmac'])
export class AuthorityWithdrawnFactEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'withdrawal_id' })
  withdrawalId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AuthorityFactKind;

  @Column({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ type: 'json' })
  data!: Record<string, string | null>;

  @Column({ name: 'row_hash', type: 'binary', length: 32 })
  rowHash!: Buffer;

  @Column({ name: 'import_id', type: 'varchar', length: 40, nullable: true })
  importId!: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  region!: string | null;

  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3 })
  withdrawnAt!: Date;
}
