import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** One refused row of an import: line, field and message, never the row's content (it may hold an ID number). */
@Entity('authority_import_errors')
@Index('ix_authority_import_errors_import', ['importId', 'line'])
export class AuthorityImportErrorEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'import_id' })
  importId!: string;

  @Column({ type: 'int' })
  line!: number;

  @Column({ type: 'varchar', length: 40 })
  field!: string;

  @Column({ type: 'varchar', length: 200 })
  message!: string;
}
