import type { RedisClient } from '../redis/redis-client.util';

/** What a host app's token endpoint gave: the token and how many seconds it lives. */
export interface FetchedAccessToken {
  token: string;
  expiresInSec: number;
}

/** No access token could be had: the host refused, or another worker's fetch did not finish in time. */
export class AccessTokenUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessTokenUnavailable';
  }
}

/** The caller's side of a shared token: callers never fetch one themselves. */
export interface AccessTokenSource {
  token(): Promise<string>;
  /** The host said `stale` is no longer valid (replaced or expired): drop it unless a newer one is cached. */
  invalidate(stale: string): Promise<void>;
}

export interface SharedAccessTokenOptions {
  /** Redis key of the cached token; the lock is `<key>:lock`. Both carry the queue prefix's `{…}` hash tag. */
  key: string;
  /** A token this close to expiry is refreshed by one worker while the others keep using it. */
  refreshBeforeMs?: number;
  /** The lock's lifetime: longer than one token request (its timeout), so a crashed holder frees it. */
  lockMs?: number;
  /** How long a worker waits for another worker's fetch when it holds no valid token itself. */
  waitMs?: number;
  pollMs?: number;
}

// Sets the token and its expiry together, expiring with the token itself.
const WRITE = `redis.call('HSET', KEYS[1], 'token', ARGV[1], 'expiresAt', ARGV[2]) redis.call('PEXPIRE', KEYS[1], ARGV[3]) return 1`;
// Deletes only if the key still holds the caller's value: a lock we own, a token we know is stale.
const DELETE_IF = `if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('DEL', KEYS[1]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One access token per host app, cached in Redis and shared by every API process and worker. A missing or
 * nearly expired token is fetched by whoever takes the lock (`SET NX PX`); the others use the still-valid old one
 * or wait for the new one, so N workers cause one fetch, not N (each fetch invalidates the previous token at
 * WeChat after a grace period). When Redis itself is down the process falls back to its own cached fetch, so a
 * Redis outage does not stop messages or face checks.
 */
export class SharedAccessToken implements AccessTokenSource {
  private readonly lockKey: string;
  private readonly refreshBeforeMs: number;
  private readonly lockMs: number;
  private readonly polls: number;
  private readonly pollMs: number;
  private local: { token: string; expiresAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly fetcher: () => Promise<FetchedAccessToken>,
    /** Epoch milliseconds on the wall clock: host token lifetimes are real time, like the Redis TTL. */
    private readonly nowMs: () => number,
    private readonly options: SharedAccessTokenOptions,
  ) {
    this.lockKey = `${options.key}:lock`;
    this.refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000;
    this.lockMs = options.lockMs ?? 15_000;
    this.pollMs = options.pollMs ?? 50;
    this.polls = Math.ceil((options.waitMs ?? 10_000) / this.pollMs);
  }

  /** Concurrent callers in one process share one round of Redis reads (and at most one fetch). */
  token(): Promise<string> {
    this.inFlight ??= this.resolve().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  async invalidate(stale: string): Promise<void> {
    if (this.local?.token === stale) this.local = null;
    try {
      await this.redis.eval(DELETE_IF, 1, this.options.key, 'token', stale);
    } catch {
      // Redis down: the local copy is already gone; the shared one expires on its own.
    }
  }

  private async resolve(): Promise<string> {
    let owner: string;
    try {
      owner = `${process.pid}:${Math.random().toString(36).slice(2)}`;
      for (let i = 0; ; i++) {
        const cached = await this.read();
        if (cached && cached.expiresAt - this.refreshBeforeMs > this.nowMs()) return cached.token;
        if ((await this.redis.set(this.lockKey, owner, 'PX', this.lockMs, 'NX')) === 'OK') {
          try {
            const again = await this.read();
            if (again && again.expiresAt - this.refreshBeforeMs > this.nowMs()) return again.token;
            return await this.fetchAndStore();
          } finally {
            await this.redis.eval(RELEASE, 1, this.lockKey, owner).catch(() => undefined);
          }
        }
        // Someone else is refreshing: an old token that still works is good enough meanwhile.
        if (cached && cached.expiresAt > this.nowMs()) return cached.token;
        if (i >= this.polls)
          throw new AccessTokenUnavailable('Another worker is fetching the access token and has not finished');
        await sleep(this.pollMs);
      }
    } catch (error) {
      if (error instanceof AccessTokenUnavailable) throw error;
      return this.localToken();
    }
  }

  private async read(): Promise<{ token: string; expiresAt: number } | null> {
    const h = (await this.redis.hgetall(this.options.key)) as Record<string, string>;
    return h.token ? { token: h.token, expiresAt: Number(h.expiresAt) } : null;
  }

  private async fetchAndStore(): Promise<string> {
    const fetched = await this.fetchFromHost();
    const lifetimeMs = Math.max(1, fetched.expiresInSec) * 1000;
    const expiresAt = this.nowMs() + lifetimeMs;
    await this.redis.eval(WRITE, 1, this.options.key, fetched.token, String(expiresAt), String(lifetimeMs));
    this.local = { token: fetched.token, expiresAt };
    return fetched.token;
  }

  private async fetchFromHost(): Promise<FetchedAccessToken> {
    try {
      return await this.fetcher();
    } catch (error) {
      if (error instanceof AccessTokenUnavailable) throw error;
      throw new AccessTokenUnavailable('The host app is unreachable for an access token');
    }
  }

  /** Redis is unreachable: this process's own token, fetched only when it has none that is still fresh. */
  private async localToken(): Promise<string> {
    if (this.local && this.local.expiresAt - this.refreshBeforeMs > this.nowMs()) return this.local.token;
    const fetched = await this.fetchFromHost();
    this.local = { token: fetched.token, expiresAt: this.nowMs() + Math.max(1, fetched.expiresInSec) * 1000 };
    return fetched.token;
  }
}
