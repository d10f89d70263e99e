import { DataSource, type MigrationInterface } from 'typeorm';

import { dataSourceOptions } from '../../src/database/data-source.util';
import { withScratchDatabase } from '../../src/database/scratch-database.util';
import { BASE_DATABASE_URL } from './test-app';

/**
 * Runs `fn` with an initialised data source on a throwaway database (created empty; `fn` runs the migrations it
 * needs), then destroys the data source and drops the database. `migrations`: only these (a migration's own spec
 * stops at that migration, whatever came after it), else all.
 */
export function withScratchDataSource<T>(
  fn: (ds: DataSource) => Promise<T>,
  options: { prefix: string; migrations?: (new () => MigrationInterface)[] },
): Promise<T> {
  return withScratchDatabase(
    BASE_DATABASE_URL,
    async (url) => {
      const base = dataSourceOptions(url, 2);
      const ds = new DataSource(options.migrations ? { ...base, migrations: options.migrations } : base);
      await ds.initialize();
      try {
        return await fn(ds);
      } finally {
        await ds.destroy();
      }
    },
    options.prefix,
  );
}
