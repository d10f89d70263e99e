import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';
import type { AuthorityImportStatus } from '@healthcode/contracts';

import type { AuthorityFactKind } from '../authority-facts/authority-fact.entity';

/**
 * One uploaded authority file ("import #seq"): counts only. Its valid rows wait in authority_staged_rows (by HMAC)
 * until a second staff member in scope applies them to authority_facts.
 */
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

  /** staged (waiting for a second person), applied, or rejected. */
  @Column({ type: 'varchar', length: 12, default: 'applied' })
  status!: AuthorityImportStatus;

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

  /** Rows that passed validation at upload. */
  @Column({ name: 'rows_valid', type: 'int', default: 0 })
  rowsValid!: number;

  /** Error rows beyond the stored limit, counted only. */
  @Column({ name: 'errors_omitted', type: 'int', default: 0 })
  errorsOmitted!: number;

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

  /** The second staff member who applied or rejected it. */
  @UuidColumn({ name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;
}
