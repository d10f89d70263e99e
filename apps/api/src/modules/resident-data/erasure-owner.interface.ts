import type { EntityManager } from 'typeorm';

/**
 * One column through which a table holds data about a resident, and what erasure does with it:
 * `delete` the rows, `anonymise` them in place (the row stays, nothing in it identifies the resident), or
 * `keep-unlinked` (the data belongs to someone else and stays; erasure removes the resident's link to it), or
 * `revoke` (a row that must outlive the erasure to refuse what was issued before it, such as session epochs).
 */
export interface ResidentDataHolding {
  table: string;
  column: string;
  action: 'delete' | 'anonymise' | 'keep-unlinked' | 'revoke';
  /** Why, when the action needs saying (kept facts, rows reached through another table). */
  note?: string;
}

/** What one owner erased: a count for the receipt, and work that may only happen after the commit (files). */
export interface ErasedPart {
  count: number;
  afterCommit?: () => Promise<void>;
}

/**
 * A module that stores data about residents. It registers with `ResidentDataRegistry` in `onModuleInit`, says
 * which tables and columns it holds, and erases them in the caller's transaction: `DELETE /me` runs every
 * owner in one transaction, so an erasure is all or nothing. A test fails when an entity with a resident
 * column is held by no owner.
 */
export interface ErasureOwner {
  /** Stable name, used as the receipt's key: 'declarations', 'appeals'… */
  readonly kind: string;
  readonly holds: readonly ResidentDataHolding[];
  /** Owners run in ascending order (default 0); a row reached through another owner's table runs before it. */
  readonly order?: number;
  erase(manager: EntityManager, residentId: string): Promise<ErasedPart>;
}
