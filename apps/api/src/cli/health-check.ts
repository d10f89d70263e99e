/**
 * The image's health check: `health-check api` asks this container's API for /api/ready; `health-check worker`
 * reads this worker's heartbeat key in Redis and fails when it is missing or older than WORKER_HEARTBEAT_STALE_MS.
 * Exit 0 healthy, 1 unhealthy (one line on stderr says why), 2 usage.
 */
import 'reflect-metadata';

import { loadConfig } from '../config/load-config';
import { Clock } from '../modules/clock/clock';
import { heartbeatKey, isHeartbeatFresh } from '../modules/health/worker-heartbeat.util';
import { createRedisClient } from '../modules/redis/redis-client.util';

async function checkApi(port: number): Promise<string | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/ready`, { signal: AbortSignal.timeout(4000) });
    return res.ok ? null : `/api/ready answered ${res.status}`;
  } catch (error) {
    return `/api/ready unreachable (${(error as Error).message})`;
  }
}

async function checkWorker(config: Awaited<ReturnType<typeof loadConfig>>): Promise<string | null> {
  const key = heartbeatKey(config.redis.queuePrefix, config.heartbeat.workerId);
  const redis = createRedisClient(config.redis, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const value = await redis.get(key);
    // The system clock, as the worker that wrote the heartbeat on the same host uses.
    const now = new Clock().now().getTime();
    if (isHeartbeatFresh(value, now, config.heartbeat.staleMs)) return null;
    return value === null
      ? `no heartbeat for worker ${config.heartbeat.workerId}`
      : `heartbeat of worker ${config.heartbeat.workerId} is ${now - Number(value)} ms old`;
  } catch (error) {
    return `Redis unreachable (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<number> {
  const which = process.argv[2];
  if (which !== 'api' && which !== 'worker') {
    console.error('usage: health-check api|worker');
    return 2;
  }
  const config = await loadConfig(process.env);
  const problem = which === 'api' ? await checkApi(config.port) : await checkWorker(config);
  if (problem) console.error(`[healthcode] unhealthy: ${problem}`);
  return problem ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[healthcode] health-check: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
