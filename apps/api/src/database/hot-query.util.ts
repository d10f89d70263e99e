import type { DataSource } from 'typeorm';

interface RawPool {
  query(sql: string, params: unknown[], cb: (error: Error | null, result: unknown) => void): void;
}

/**
 * Runs one statement straight on the driver's mysql2 pool, for hot-path reads and autocommit writes that run
 * thousands of times a second: a TypeORM QueryRunner (or query builder) per statement costs more than the
 * statement itself. Falls back to DataSource.query when the driver has no such pool. Never inside a transaction.
 */
export function hotQuery<T>(db: DataSource, sql: string, params: unknown[]): Promise<T> {
  const pool = (db.driver as unknown as { pool?: RawPool }).pool;
  if (!pool || typeof pool.query !== 'function') return db.query(sql, params) as Promise<T>;
  return new Promise<T>((resolve, reject) =>
    pool.query(sql, params, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}
