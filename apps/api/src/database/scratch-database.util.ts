import { randomBytes } from 'node:crypto';

import { createConnection } from 'mysql2/promise';

import { createDataSource } from './data-source.util';

export function withDatabaseName(url: string, database: string): string {
  return url.replace(/\/[A-Za-z0-9_]+$/, `/${database}`);
}

/** Server URL without the database part, for CREATE/DROP DATABASE. */
function serverUrl(url: string): string {
  return url.replace(/\/[A-Za-z0-9_]+$/, '/');
}

export async function createDatabase(url: string, database: string): Promise<void> {
  const conn = await createConnection(serverUrl(url));
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  const conn = await createConnection(serverUrl(url));
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

/** Creates a throwaway database, runs `fn` with its URL, and always drops it. */
export async function withScratchDatabase<T>(
  baseUrl: string,
  fn: (url: string) => Promise<T>,
  prefix = 'hc_scratch',
): Promise<T> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await createDatabase(baseUrl, name);
  try {
    return await fn(withDatabaseName(baseUrl, name));
  } finally {
    await dropDatabase(baseUrl, name);
  }
}

/** Runs every migration on the (empty) database at `url`, then asks TypeORM what the entities still need. */
export async function pendingSchemaChanges(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const log = await ds.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.reverse().map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}
