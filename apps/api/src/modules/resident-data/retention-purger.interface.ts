/** One of a resident's records and the day it will be deleted, as `GET /me/retention` shows it. */
export interface RetentionItem {
  kind: string;
  id: string;
  /** When the record was made (ISO instant). */
  at: string;
  deleteAt: string;
}

/**
 * A kind of record with a retention period. Modules that own such records (declarations here; checkpoint
 * scans, appeals and their evidence elsewhere) register a purger with `RetentionRegistry` in their
 * `onModuleInit`; the worker's purge job runs every registered purger.
 */
export interface RetentionPurger {
  /** Stable name used in logs, the audit log and `/me/retention`: 'declarations', 'checkpoint-scans'… */
  readonly kind: string;
  /** Days a record is kept; read from AppConfig.retention, so it is configurable through the environment. */
  retentionDays(): number;
  /** Deletes records made before `cutoff`, in bounded batches; returns how many. Must be idempotent. */
  purge(cutoff: Date): Promise<number>;
  /** The resident's records of this kind, with when each was made (to show their deletion dates). */
  recordsOf?(residentId: string): Promise<{ id: string; at: Date }[]>;
}
