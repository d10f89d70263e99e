import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';
import type { AuthorityFactKind } from './authority-fact.entity';

/** One uploaded authority file ("import #seq"): counts only; its rows live in authority_facts by HMAC. */
@Entity('authority_imports')
@Index('uq_authority_imports_seq', ['seq'], { unique: true })
export class AuthorityImportEntity {
  @PrimaryUuidColumn()
  id!: string;

  /** The number people read ("import #12"); allocated as max+1 under the unique index. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: AuthorityFactKind;

  @Column({ name: 'file_sha256', type: 'binary', length: 32 })
  fileSha256!: Buffer;

  @Column({ name: 'rows_total', type: 'int' })
  rowsTotal!: number;

  @Column({ name: 'rows_imported', type: 'int' })
  rowsImported!: number;

  /** Rows that corrected a fact already on file (same stable key, different content). */
  @Column({ name: 'rows_updated', type: 'int', default: 0 })
  rowsUpdated!: number;

  /** Valid rows already present unchanged, or repeated within the file. */
  @Column({ name: 'rows_duplicate', type: 'int' })
  rowsDuplicate!: number;

  @Column({ name: 'rows_failed', type: 'int' })
  rowsFailed!: number;

  /** Residents matched by the newly imported rows (and re-scored). */
  @Column({ type: 'int' })
  matched!: number;

  @UuidColumn({ name: 'run_id', nullable: true })
  runId!: string | null;

  @UuidColumn({ name: 'created_by', nullable: true })
  createdBy!: string | null;

  /** The uploader's region scope, so region admins see only their own imports. */
  @Column({ name: 'region_scope', type: 'varchar', length: 6 })
  regionScope!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
