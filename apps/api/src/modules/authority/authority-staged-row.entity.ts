import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';
import type { AuthorityFactKind } from './authority-fact.entity';

/**
 * A validated row of a staged import, waiting for the second person: the ID number is already its keyed HMAC.
 * Deleted when the import is applied or rejected.
 */
@Entity('authority_staged_rows')
@Index('ix_authority_staged_rows_import', ['importId', 'line'])
export class AuthorityStagedRowEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'import_id' })
  importId!: string;

  @Column({ type: 'int' })
  line!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: AuthorityFactKind;

  @Column({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  @Column({ type: 'json' })
  data!: Record<string, string | null>;

  @Column({ type: 'varchar', length: 6 })
  region!: string;

  @Column({ name: 'fact_key', type: 'binary', length: 32 })
  factKey!: Buffer;
}
