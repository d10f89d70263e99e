import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';
import { AuthorityFactColumns } from '../authority-facts/authority-fact.columns';

/**
 * A validated row of a staged import, waiting for the second person: the ID number is already its keyed HMAC.
 * Deleted when the import is applied or rejected.
 */
@Entity('authority_staged_rows')
@Index('ix_authority_staged_rows_import', ['importId', 'line'])
export class AuthorityStagedRowEntity extends AuthorityFactColumns {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'import_id' })
  importId!: string;

  @Column({ type: 'int' })
  line!: number;

  @Column({ type: 'varchar', length: 6 })
  region!: string;

  /** The key as computed at upload; the approval recomputes it from `id_hmac` (a key rotation may move that). */
  @Column({ name: 'fact_key', type: 'binary', length: 32 })
  factKey!: Buffer;
}
