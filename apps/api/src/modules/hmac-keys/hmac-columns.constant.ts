import type { HmacKind } from '../crypto/pii-crypto.service';

/** One stored PII_HMAC column, with its key version column (`<column>_kid`) beside it. */
export interface HmacColumn {
  table: string;
  column: string;
  kind: HmacKind;
  /** Primary key walked by `hmac:rotate`; null for a small table read by version alone. */
  cursor: string | null;
  /** The primary key's columns: rows move by primary key, so a move takes record locks only (no gap locks). */
  pk: string[];
  /** `authority_facts.row_hash` is derived from the ID HMAC (see `authorityFactKey`) and moves with it. */
  derivedRowHash?: true;
}

/**
 * Every HMAC the database holds. A value's rows in one kind (all tables of `id`, say) move to a new key version
 * together, in one transaction, so a join on the HMAC (identity events to authority facts) never sees two versions.
 * `hmac-columns.spec` walks the entities and fails when an HMAC column is missing here.
 */
export const HMAC_COLUMNS: readonly HmacColumn[] = [
  { table: 'residents', column: 'host_key', kind: 'host', cursor: 'id', pk: ['id'] },
  { table: 'dev_host_identities', column: 'host_key', kind: 'host', cursor: null, pk: ['host_key', 'id_hmac'] },
  { table: 'residents', column: 'id_hmac', kind: 'id', cursor: 'id', pk: ['id'] },
  { table: 'identity_events', column: 'id_hmac', kind: 'id', cursor: 'id', pk: ['id'] },
  { table: 'authority_facts', column: 'id_hmac', kind: 'id', cursor: 'id', pk: ['id'], derivedRowHash: true },
  { table: 'authority_fact_changes', column: 'id_hmac', kind: 'id', cursor: 'id', pk: ['id'] },
  // Staged rows' fact keys are recomputed from the HMAC at approval, so moving the HMAC alone is enough.
  { table: 'authority_staged_rows', column: 'id_hmac', kind: 'id', cursor: 'id', pk: ['id'] },
  // Withdrawn facts are never matched by their row_hash again: only the HMAC moves.
  { table: 'authority_withdrawn_facts', column: 'id_hmac', kind: 'id', cursor: 'id', pk: ['id'] },
  { table: 'dev_host_identities', column: 'id_hmac', kind: 'id', cursor: null, pk: ['host_key', 'id_hmac'] },
  { table: 'wechat_verify_sessions', column: 'id_hmac', kind: 'id', cursor: 'verify_id_hash', pk: ['verify_id_hash'] },
  { table: 'hotline_verifications', column: 'id_hmac', kind: 'id', cursor: 'id', pk: ['id'] },
  { table: 'residents', column: 'phone_hmac', kind: 'phone', cursor: 'id', pk: ['id'] },
];

export const kidColumn = (c: HmacColumn): string => `${c.column}_kid`;
