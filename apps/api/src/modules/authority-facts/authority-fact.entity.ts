import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn } from '../../database/id-column.decorator';

export type AuthorityFactKind = 'case' | 'contact' | 'booking';

/**
 * A fact from a health authority feed, keyed by the keyed HMAC of the ID number (never the number itself).
 * `rowHash` is the fact's stable key from the feed (see `AuthorityRow.factKey`): a later row with the same key
 * updates this row in place, so corrections (`fact_corrections`) made against it keep applying.
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

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ type: 'json' })
  data!: Record<string, string | null>;

  @Column({ name: 'row_hash', type: 'binary', length: 32 })
  rowHash!: Buffer;

  /** The import that last created or changed it (re-scoring an import reaches the residents it touched). */
  @Column({ name: 'import_id', type: 'varchar', length: 40, nullable: true })
  importId!: string | null;

  /** Where the fact happened: decides whose scope may import, correct or withdraw it. Null only before v2 feeds. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  region!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt!: Date | null;
}
