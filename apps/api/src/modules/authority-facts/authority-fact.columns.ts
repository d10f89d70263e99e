import { Column } from 'typeorm';

export type AuthorityFactKind = 'case' | 'contact' | 'booking';

/**
 * What a fact from a health authority feed is, wherever it rests: staged for the second person
 * (authority_staged_rows), on file (authority_facts) or withdrawn (authority_withdrawn_facts). The entities extend
 * these classes, so the properties stay flat and the column names stay what the migrations created (the
 * schema-drift medium spec, migrations.medium-spec.ts, holds the two together).
 */
export abstract class AuthorityFactColumns {
  @Column({ type: 'varchar', length: 16 })
  kind!: AuthorityFactKind;

  @Column({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ type: 'json' })
  data!: Record<string, string | null>;
}

/** A fact once applied (on file or withdrawn): its stable key, the import that last wrote it, where it happened. */
export abstract class AppliedAuthorityFactColumns extends AuthorityFactColumns {
  /** The fact's stable key from the feed (see `AuthorityRow.factKey`). */
  @Column({ name: 'row_hash', type: 'binary', length: 32 })
  rowHash!: Buffer;

  /** The import that last created or changed it (re-scoring an import reaches the residents it touched). */
  @Column({ name: 'import_id', type: 'varchar', length: 40, nullable: true })
  importId!: string | null;

  /** Where the fact happened: decides whose scope may import, correct or withdraw it. Null only before v2 feeds. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  region!: string | null;
}
