import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createHttpApp } from '../../src/bootstrap/http-app';
import type { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createDataSource } from '../../src/database/data-source.util';
import { createDatabase, dropDatabase, withDatabaseName } from '../../src/database/scratch-database.util';
import { Clock } from '../../src/modules/clock/clock';
import { deleteRedisPrefix } from './redis-cleanup';

export const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';

/** A clock tests move by hand: no sleeping through days. */
export class FakeClock extends Clock {
  constructor(private current = new Date()) {
    super();
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  clock: FakeClock;
  logs: () => string;
  databaseUrl: string;
  close: () => Promise<void>;
}

/** Each test file gets its own database (migrated, never synchronised) and Redis prefix, dropped afterwards. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hc_test_${randomBytes(5).toString('hex')}`;
  await createDatabase(BASE_DATABASE_URL, name);
  const url = withDatabaseName(BASE_DATABASE_URL, name);
  const ds = createDataSource(url, 2);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return { url, drop: () => dropDatabase(BASE_DATABASE_URL, name) };
}

export async function testConfig(databaseUrl: string, env: Record<string, string> = {}): Promise<AppConfig> {
  return loadConfig(
    {
      HC_MODE: 'test',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `{hct${randomBytes(4).toString('hex')}}`,
      LOG_LEVEL: 'info',
      ...env,
    },
    { devKeysFile: null },
  );
}

export async function createTestApp(
  options: { env?: Record<string, string>; now?: Date | string } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = await testConfig(db.url, options.env);
  const logStream = new PassThrough();
  const chunks: string[] = [];
  logStream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const clock = new FakeClock(options.now ? new Date(options.now) : new Date());
  const app = await createHttpApp(config, { logDestination: logStream, clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    clock,
    databaseUrl: db.url,
    logs: () => chunks.join(''),
    close: async () => {
      await app.close();
      await db.drop();
      await deleteRedisPrefix(config.redis, config.redis.queuePrefix);
    },
  };
}
