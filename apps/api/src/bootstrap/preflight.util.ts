import { createConnection } from 'mysql2/promise';

import type { AppConfig } from '../config/app-config';
import { createRedisClient } from '../modules/redis/redis-client.util';

export class PreflightError extends Error {}

const MARIADB_HINT =
  'start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd (or docker compose up -d mysql)';
const REDIS_HINT =
  'start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no (or docker compose up -d redis)';

function hostOf(url: string): string {
  return url.replace(/^\w+:\/\/(?:[^@/]*@)?/, '').split('/')[0];
}

/** Fails fast, with one line saying what to start, when MySQL or Redis cannot be reached. Never hangs. */
export async function preflight(config: AppConfig): Promise<void> {
  try {
    const conn = await createConnection({
      uri: config.database.url.replace(/\/[A-Za-z0-9_]+$/, '/'),
      connectTimeout: 3000,
    });
    await conn.end();
  } catch (error) {
    throw new PreflightError(
      `Cannot reach MySQL/MariaDB at ${hostOf(config.database.url)} (${(error as { code?: string }).code ?? (error as Error).message}); ${MARIADB_HINT}`,
    );
  }
  const redis = createRedisClient(config.redis, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new PreflightError(
      `Cannot reach Redis at ${config.redis.clusterNodes ? config.redis.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',') : hostOf(config.redis.url)} (${(error as Error).message}); ${REDIS_HINT}`,
    );
  } finally {
    redis.disconnect();
  }
}
