import { DataSource, type DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(
  url: string,
  poolSize = 20,
  flavor: 'mariadb' | 'mysql' = 'mariadb',
): DataSourceOptions {
  return {
    type: flavor,
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    extra: { connectionLimit: poolSize, connectTimeout: 5000 },
    logging: false,
  } as DataSourceOptions;
}

export function createDataSource(url: string, poolSize?: number, flavor?: 'mariadb' | 'mysql'): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize, flavor));
}
