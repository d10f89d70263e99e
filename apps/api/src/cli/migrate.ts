/** Creates the database if it does not exist and runs pending migrations. Never synchronises. */
import 'reflect-metadata';

import { ConfigException } from '../config/config.exception';
import { loadConfig } from '../config/load-config';
import { PreflightError, preflight } from '../bootstrap/preflight.util';
import { createDataSource } from '../database/data-source.util';
import { createDatabase } from '../database/scratch-database.util';

async function main(): Promise<void> {
  const config = await loadConfig(process.env);
  await preflight(config);
  await createDatabase(config.database.url, config.database.database);
  const ds = createDataSource(config.database.url, 2, config.database.flavor);
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(`[healthcode] database ${config.database.database}: ${ran.length} migration(s) applied`);
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigException || error instanceof PreflightError;
  console.error(`[healthcode] migrate: ${known || error instanceof Error ? (error as Error).message : String(error)}`);
  process.exit(1);
});
