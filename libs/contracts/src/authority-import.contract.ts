import { z } from 'zod';

/** The three health-authority feeds, uploaded as CSV files with a header row. */
export const AUTHORITY_IMPORT_KINDS = ['cases', 'contacts', 'bookings'] as const;
export type AuthorityImportKind = (typeof AUTHORITY_IMPORT_KINDS)[number];

/**
 * Expected columns per feed (header names, in any order; extra columns are refused). `region` is where the fact
 * was registered (county level); a booking's regions are its two ends. A row is accepted only inside the
 * importer's region scope. `case_id` is the authority's own id: a later row with the same id corrects the case
 * (status, dates); without it a case is keyed by ID number and date.
 */
export const AUTHORITY_IMPORT_COLUMNS: Record<AuthorityImportKind, readonly string[]> = {
  cases: ['id_number', 'date', 'status', 'cleared_date', 'region', 'case_id'],
  contacts: ['id_number', 'contact_date', 'region'],
  bookings: ['id_number', 'mode', 'from_region', 'to_region', 'date'],
};

/** Columns a file may leave out. */
export const AUTHORITY_OPTIONAL_COLUMNS: readonly string[] = ['cleared_date', 'case_id'];

export const AuthorityImportQuerySchema = z.strictObject({
  kind: z.enum(AUTHORITY_IMPORT_KINDS, { error: "one of 'cases', 'contacts', 'bookings'" }),
});

export interface AuthorityImportRowError {
  line: number;
  field: string;
  message: string;
}

export interface AuthorityImportResponse {
  id: string;
  /** "import #seq". */
  seq: number;
  kind: AuthorityImportKind;
  rowsTotal: number;
  rowsImported: number;
  /** Rows that corrected a fact already imported (same case id, or same ID number and date). */
  rowsUpdated: number;
  /** Valid rows already imported before (same content): idempotent re-uploads land here. */
  rowsDuplicate: number;
  rowsFailed: number;
  /** Residents matched by newly imported rows; only they are re-scored. */
  matched: number;
  /** The re-scoring run, null when nothing matched. */
  runId: string | null;
  createdAt: string;
  /** The first errors; the full report is at `/api/v1/admin/imports/:id/errors.csv`. */
  errors: AuthorityImportRowError[];
}
