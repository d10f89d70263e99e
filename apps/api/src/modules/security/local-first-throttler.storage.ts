import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

import { wallClock } from '../clock/wall-clock';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SecurityRedis } from './security-redis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often each process adds its new hits to the shared Redis counters and learns the other processes' hits. */
export const RATE_LIMIT_SYNC_MS = 250;

/** Limits counted exactly in Redis on every request: low volume, and where guessing is the abuse (passwords). */
const EXACT = new Set(['staff-login']);

interface Counter {
  /** Fixed window number (`floor(now / ttl)`), the same in every process, so they add up to one count. */
  window: number;
  ttl: number;
  /** Hits this process counted in the window, of which `flushed` are already added to Redis. */
  local: number;
  flushed: number;
  /** Hits of other processes in the window, as of the last sync. */
  remote: number;
  blockedUntil: number;
}

/**
 * Rate limits without a Redis round trip per request: each process counts hits in memory (exact for one
 * process) and every RATE_LIMIT_SYNC_MS adds its new hits to one shared Redis counter per key and window,
 * reading back the total, so every process also counts the others'. Across several processes a key can
 * overshoot its limit by what the other processes let through in one sync interval; once over, every process
 * refuses it until its block ends. Staff login stays exact in Redis (`EXACT`). If Redis is down, each process
 * still enforces the limit on its own hits. Rate-limit windows are wall-clock time, not the domain Clock.
 */
@Injectable()
export class LocalFirstThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(LocalFirstThrottlerStorage.name);
  private readonly counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly redis: SecurityRedis,
    private readonly exact: RedisThrottlerStorage,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (EXACT.has(throttlerName)) return this.exact.increment(key, ttl, limit, blockDuration, throttlerName);
    const now = wallClock.now().getTime();
    const id = `${throttlerName}:${key}`;
    const window = Math.floor(now / ttl);
    let c = this.counters.get(id);
    if (!c || c.window !== window) {
      c = { window, ttl, local: 0, flushed: 0, remote: 0, blockedUntil: c?.blockedUntil ?? 0 };
      this.counters.set(id, c);
    }
    const timeToExpire = Math.ceil(((window + 1) * ttl - now) / 1000);
    if (c.blockedUntil <= now) {
      c.local += 1;
      if (c.local + c.remote > limit) c.blockedUntil = now + blockDuration;
      this.startSync();
    }
    const blocked = c.blockedUntil > now;
    return {
      totalHits: c.local + c.remote,
      timeToExpire,
      isBlocked: blocked,
      timeToBlockExpire: blocked ? Math.ceil((c.blockedUntil - now) / 1000) : 0,
    };
  }

  /** Adds every key's unflushed hits to Redis in one pipeline and learns the totals; forgets finished windows. */
  async sync(): Promise<void> {
    if (this.syncing) return this.syncing;
    this.syncing = this.flush().finally(() => (this.syncing = null));
    return this.syncing;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.syncing;
  }

  private startSync(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sync(), RATE_LIMIT_SYNC_MS);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    const now = wallClock.now().getTime();
    const batch: { c: Counter; redisKey: string; flushedAt: number }[] = [];
    for (const [id, c] of this.counters) {
      if (c.window < Math.floor(now / c.ttl) && c.blockedUntil <= now) {
        this.counters.delete(id);
        continue;
      }
      if (c.local === c.flushed) continue;
      batch.push({ c, redisKey: `${this.redis.prefix}lf:${id}:${c.window}`, flushedAt: c.local });
    }
    if (batch.length === 0) {
      if (this.counters.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
      return;
    }
    try {
      if (this.redis.client.status === 'wait') await this.redis.client.connect();
      const pipeline = this.redis.client.pipeline();
      for (const b of batch) {
        pipeline.incrby(b.redisKey, b.flushedAt - b.c.flushed);
        pipeline.pexpire(b.redisKey, b.c.ttl * 2);
      }
      const results = (await pipeline.exec()) ?? [];
      batch.forEach((b, i) => {
        const [error, total] = results[2 * i] ?? [new Error('no reply'), null];
        if (error) return;
        b.c.flushed = b.flushedAt;
        b.c.remote = Math.max(b.c.remote, Number(total) - b.flushedAt);
      });
    } catch (error) {
      // Not flushed: the hits stay pending and go with the next sync; this process keeps counting its own.
      this.logger.warn({ err: (error as Error).message }, 'rate-limit sync skipped: redis unavailable');
    }
  }
}
