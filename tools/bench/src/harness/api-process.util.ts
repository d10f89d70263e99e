import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { generateSigningKey, importSigningKey, KeyRing } from '@healthcode/qr-token';
import { createPool, type Pool } from 'mysql2/promise';

export const ROOT = resolve(__dirname, '../../../..');
// BENCH_API_DIST points at another build (a copy of dist/apps/api/src) to compare two builds in one session.
const API_DIST = process.env.BENCH_API_DIST ?? join(ROOT, 'apps/api/dist/apps/api/src');
const BASE_DB = process.env.BENCH_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306';

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}

export interface RunningApi {
  base: string;
  db: Pool;
  ring: KeyRing;
  sessionSecret: Buffer;
  /** The API process id (for its CPU time: `withCpu(api.pid, …)`). */
  pid: number | undefined;
  stop: () => Promise<void>;
}

/**
 * Boots the built API (`npm run build` first) on a scratch database with fresh keys, as production runs it:
 * one `--role=api` process. Request logs are at LOG_LEVEL (default here: warn); rate limits are raised so the
 * load generator, one client address, measures the API rather than the limiter.
 */
export async function startApi(extraEnv: Record<string, string> = {}, apiDist = API_DIST): Promise<RunningApi> {
  const name = `hc_bench_${randomBytes(5).toString('hex')}`;
  const admin = createPool({ uri: `${BASE_DB}/`, connectionLimit: 1 });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const databaseUrl = `${BASE_DB}/${name}`;
  const qr = await generateSigningKey();
  const sessionSecret = randomBytes(32);
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HC_MODE: 'demo',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `{hcbench${randomBytes(3).toString('hex')}}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    QR_SIGNING_KEYS: JSON.stringify({ current: qr.privateJwk, previous: null }),
    PII_ENCRYPTION_KEYS: JSON.stringify({ b1: randomBytes(32).toString('base64') }),
    PII_KEY_ID: 'b1',
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: sessionSecret.toString('base64'),
    RATE_LIMIT_SCAN_PER_MINUTE: '1000000',
    RATE_LIMIT_HOST_LOGIN_PER_MINUTE: '1000000',
    RATE_LIMIT_SIGNUP_PER_MINUTE: '1000000',
    ...extraEnv,
  };
  const dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  };
  let child: ChildProcess | null = null;
  const base = `http://127.0.0.1:${port}`;
  try {
    const migrated = spawnSync('node', [join(apiDist, 'cli/migrate.js')], { env, encoding: 'utf8' });
    if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.stderr}`);
    // e.g. BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the API under load.
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const api = spawn('node', [...nodeArgs, join(apiDist, 'main.js'), '--role=api'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = api;
    let stderr = '';
    api.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    for (let i = 0; ; i++) {
      if (api.exitCode !== null) throw new Error(`API exited: ${stderr}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      // Two minutes: on the shared 2-core machine at load 20+, start-up alone has taken over 30 s.
      if (i > 1200) throw new Error(`API did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    child?.kill('SIGKILL');
    await dropDatabase();
    throw error;
  }
  const running = child;
  const db = createPool({ uri: databaseUrl, connectionLimit: 4 });
  const ring = KeyRing.of(await importSigningKey(qr.privateJwk));
  return {
    base,
    db,
    ring,
    sessionSecret,
    pid: running.pid,
    stop: async () => {
      running.kill('SIGTERM');
      await new Promise((r) => (running.exitCode !== null ? r(null) : running.once('exit', r)));
      await db.end();
      await dropDatabase();
    },
  };
}
