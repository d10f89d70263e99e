import { randomBytes } from 'node:crypto';

import type { AppConfig } from '../../src/config/app-config';
import { LocalFirstThrottlerStorage } from '../../src/modules/security/local-first-throttler.storage';
import { RedisThrottlerStorage } from '../../src/modules/security/redis-throttler.storage';
import { SecurityRedis } from '../../src/modules/security/security-redis';
import { deleteRedisPrefix } from '../utils/redis-cleanup';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MINUTE = 60_000;

/** One API process's limiter: its own Redis connection and in-memory counts, sharing the prefix. */
function processLimiter(prefix: string) {
  const redis = new SecurityRedis({ redis: { url: REDIS_URL, queuePrefix: prefix } } as AppConfig);
  const storage = new LocalFirstThrottlerStorage(redis, new RedisThrottlerStorage(redis));
  const hit = async (key: string, limit: number, name = 'sign-up') =>
    (await storage.increment(key, MINUTE, limit, MINUTE, name)).isBlocked;
  const close = async () => {
    await storage.onModuleDestroy();
    await redis.onModuleDestroy();
  };
  return { storage, hit, close };
}

describe('local-first rate limits synced through Redis (medium: real Redis)', () => {
  const prefix = `{hctest${randomBytes(4).toString('hex')}}`;
  const a = processLimiter(prefix);
  const b = processLimiter(prefix);
  afterAll(async () => {
    await a.close();
    await b.close();
    await deleteRedisPrefix(REDIS_URL, prefix);
  });

  it('counts exactly within one process, with no Redis round trip per request', async () => {
    const results: boolean[] = [];
    for (let i = 0; i < 6; i++) results.push(await a.hit('one-process', 5));
    expect(results).toEqual([false, false, false, false, false, true]);
    // Blocked for the block duration: more hits stay refused and are not counted.
    expect(await a.hit('one-process', 5)).toBe(true);
  });

  it('adds up the hits of several processes once they have synced', async () => {
    for (let i = 0; i < 3; i++) expect(await a.hit('shared', 5)).toBe(false);
    await a.storage.sync();
    // b learns a's hits when it first syncs: the overshoot is bounded by one sync interval per process.
    expect(await b.hit('shared', 5)).toBe(false);
    await b.storage.sync();
    expect(await b.hit('shared', 5)).toBe(false);
    expect(await b.hit('shared', 5)).toBe(true);
    await a.hit('shared', 5);
    await a.storage.sync();
    expect(await a.hit('shared', 5)).toBe(true);
  });

  it('keeps other keys and names apart', async () => {
    for (let i = 0; i < 3; i++) await a.hit('apart', 3);
    expect(await a.hit('apart', 3)).toBe(true);
    expect(await a.hit('apart-2', 3)).toBe(false);
    expect(await a.hit('apart', 3, 'scan')).toBe(false);
  });

  it('keeps counting its own hits when Redis is unreachable', async () => {
    const down = new SecurityRedis({ redis: { url: 'redis://127.0.0.1:1', queuePrefix: prefix } } as AppConfig);
    const storage = new LocalFirstThrottlerStorage(down, new RedisThrottlerStorage(down));
    const results: boolean[] = [];
    for (let i = 0; i < 3; i++) results.push((await storage.increment('down', MINUTE, 2, MINUTE, 'scan')).isBlocked);
    await storage.sync();
    expect(results).toEqual([false, false, true]);
    await storage.onModuleDestroy();
    await down.onModuleDestroy();
  });
});
