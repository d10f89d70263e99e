import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn } from '../../database/id-column.decorator';

export type AuthorityFactKind = 'case' | 'contact' | 'booking';

/**
 * A fact from a health authority feed, keyed by the keyed HMAC of the ID number (never the number itself).
 * `rowHash` makes re-importing the same row a no-op.
 */
@Entity('authority_facts')
@Index('ix_authority_facts_id_hmac', ['idHmac'])
@Index('uq_authority_facts_row_hash', ['rowHash'], { unique: true })
@Index('ix_authority_facts_import', ['importId'])
export class AuthorityFactEntity {
  @PrimaryUuidColumn()
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AuthorityFactKind;

  @Column({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  @Column({ type: 'json' })
  data!: Record<string, string | null>;

  @Column({ name: 'row_hash', type: 'binary', length: 32 })
  rowHash!: Buffer;

  @Column({ name: 'import_id', type: 'varchar', length: 40, nullable: true })
  importId!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
