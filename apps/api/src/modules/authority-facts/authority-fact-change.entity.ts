import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type AuthorityFactChangeKind = 'updated';

/**
 * What an import changed in a fact already on file, so a resident's history can say why their colour moved
 * ("case record updated by import #12: cleared 2026-12-01"). Keyed by the ID HMAC, never the number.
 */
@Entity('authority_fact_changes')
@Index('ix_authority_fact_changes_hmac_seq', ['idHmac', 'importSeq'])
export class AuthorityFactChangeEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'fact_id' })
  factId!: string;

  @Column({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ name: 'import_seq', type: 'int' })
  importSeq!: number;

  @Column({ type: 'varchar', length: 16 })
  change!: AuthorityFactChangeKind;

  @Column({ name: 'fact_kind', type: 'varchar', length: 16 })
  factKind!: string;

  /** The fields that changed, with their new values (dates, status; nothing personal). */
  @Column({ type: 'json' })
  fields!: Record<string, string | null>;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
