import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn } from '../../database/id-column.decorator';
import { AppliedAuthorityFactColumns } from './authority-fact.columns';

export type { AuthorityFactKind } from './authority-fact.columns';

/**
 * A fact from a health authority feed, keyed by the keyed HMAC of the ID number (never the number itself).
 * `rowHash` is the fact's stable key from the feed (see `AuthorityRow.factKey`): a later row with the same key
 * updates this row in place, so corrections (`fact_corrections`) made against it keep applying.
 */
@Entity('authority_facts')
@Index('ix_authority_facts_id_hmac', ['idHmac'])
@Index('uq_authority_facts_row_hash', ['rowHash'], { unique: true })
@Index('ix_authority_facts_import', ['importId'])
export class AuthorityFactEntity extends AppliedAuthorityFactColumns {
  @PrimaryUuidColumn()
  id!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt!: Date | null;
}
