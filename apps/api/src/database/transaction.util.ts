import type { EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** Work done inside one transaction; the handle is passed on to repository methods, never used directly. */
export type TransactionWork<T> = (manager: EntityManager) => Promise<T>;

/**
 * Runs `work` in one transaction on `manager`. Repositories expose this as `transaction()` so services decide
 * where a unit of work starts and ends without touching the ORM themselves.
 */
export function runInTransaction<T>(
  manager: EntityManager,
  work: TransactionWork<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  return isolation ? manager.transaction(isolation, work) : manager.transaction(work);
}
