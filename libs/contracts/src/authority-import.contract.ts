import { z } from 'zod';

import { multiLineText } from './zod-fields.util';

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

/** An upload is staged; a second staff member in scope applies it (approve) or drops it (reject). */
export const AUTHORITY_IMPORT_STATUSES = ['staged', 'applied', 'rejected'] as const;
export type AuthorityImportStatus = (typeof AUTHORITY_IMPORT_STATUSES)[number];

/** At most this many error rows are stored per import; the rest are only counted (`errorsOmitted`). */
export const IMPORT_ERROR_ROWS_STORED = 1000;

export interface AuthorityImportResponse {
  id: string;
  /** "import #seq". */
  seq: number;
  kind: AuthorityImportKind;
  status: AuthorityImportStatus;
  rowsTotal: number;
  /** Rows that passed validation (staged for the approver). */
  rowsValid: number;
  rowsFailed: number;
  /** Error rows beyond the stored 1,000 (counted, not stored). */
  errorsOmitted: number;
  /**
   * The counts below exist only once a second person applied the import (null while staged): the uploader
   * never learns from an upload whether an ID number is registered.
   */
  rowsImported: number | null;
  /** Rows that corrected a fact already imported (same case id, or same ID number and date). */
  rowsUpdated: number | null;
  /** Valid rows already imported before (same content): idempotent re-uploads land here. */
  rowsDuplicate: number | null;
  /** Residents matched by newly imported rows; only they are re-scored. */
  matched: number | null;
  /** The re-scoring run, null when nothing matched or not applied. */
  runId: string | null;
  createdAt: string;
  /** True for the caller's own upload (they cannot approve it). */
  mine: boolean;
  decidedAt: string | null;
  /** The first errors; the full report is at `/api/v1/admin/imports/:id/errors.csv`. */
  errors: AuthorityImportRowError[];
}

export const WITHDRAWAL_TARGETS = ['fact', 'import'] as const;
export type WithdrawalTarget = (typeof WITHDRAWAL_TARGETS)[number];

/** A supervisor withdraws one authority fact or a whole import; a second person approves. */
export const WithdrawalRequestSchema = z.strictObject({
  target: z.enum(WITHDRAWAL_TARGETS, { error: "one of 'fact', 'import'" }),
  id: z.uuid({ error: 'The id of the fact or import' }),
  // Shown word for word in residents' history: no control characters or text-direction overrides.
  reason: multiLineText(300, {
    min: 5,
    minMessage: 'Say why the record is withdrawn (at least 5 characters)',
    typeError: 'Say why the record is withdrawn',
  }),
});
export type WithdrawalRequest = z.infer<typeof WithdrawalRequestSchema>;

export const WITHDRAWAL_STATUSES = ['pending', 'approved'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

export interface WithdrawalResponse {
  id: string;
  /** "withdrawal #seq", the cause residents see in their history. */
  seq: number;
  target: WithdrawalTarget;
  targetId: string;
  reason: string;
  status: WithdrawalStatus;
  /** The region the fact happened in, or the import's scope. */
  region: string;
  mine: boolean;
  /** Facts removed (after approval). */
  facts: number | null;
  runId: string | null;
  createdAt: string;
  decidedAt: string | null;
}
