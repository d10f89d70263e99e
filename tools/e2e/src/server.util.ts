import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';

const root = join(__dirname, '../../..');
const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function sql(statement: string): Promise<void> {
  const conn = await createConnection(BASE_DB.replace(/\/[A-Za-z0-9_]+$/, '/'));
  try {
    await conn.query(statement);
  } finally {
    await conn.end();
  }
}

/** Every key under a server's queue prefix, so a run leaves nothing behind in Redis. */
async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface ServerOptions {
  /** `test` (default) seeds residents only; `demo` also seeds one staff account per role, as `npm start` does. */
  mode?: 'test' | 'demo';
  /** Also run the queue worker (previews, re-scoring, notifications). */
  worker?: boolean;
  env?: Record<string, string>;
}

export interface RunningServer {
  baseUrl: string;
  output: () => string;
  /** TOTP secrets of the demo staff accounts (demo mode), read from the seed's banner file. */
  totpSecrets: Record<string, string>;
  totpSecret: (username: string) => string;
  /** Runs one of the built operator commands (`apps/api/src/cli/<name>`) against this server's database; its output. */
  runCli: (name: string, args?: string[], extraEnv?: Record<string, string>) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * Runs the built API exactly as `npm start` does (migrate, seed, serve; optionally the worker) on its own
 * database, port, queue prefix and temporary folder, and removes all of them on stop.
 */
export async function startBuiltServer(options: ServerOptions = {}): Promise<RunningServer> {
  const database = `hc_e2e_${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'hc-e2e-'));
  const port = await freePort();
  const queuePrefix = `{hce2e${randomBytes(3).toString('hex')}}`;
  const env = {
    ...process.env,
    HC_MODE: options.mode ?? 'test',
    PORT: String(port),
    DATABASE_URL: BASE_DB.replace(/\/[A-Za-z0-9_]+$/, `/${database}`),
    QUEUE_PREFIX: queuePrefix,
    DEV_KEYS_FILE: join(dir, 'dev-keys.json'),
    APPEAL_EVIDENCE_DIR: join(dir, 'evidence'),
    CONSOLE_DIST: join(root, 'apps/console/dist'),
    MINIAPP_DIST: join(root, 'apps/miniapp/dist/h5'),
    LOG_LEVEL: 'warn',
    // One browser on one address is not an attack: lift the limits that would otherwise throttle the test.
    RATE_LIMIT_STAFF_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_HOST_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_SIGNUP_PER_MINUTE: '100000',
    RATE_LIMIT_SCAN_PER_MINUTE: '100000',
    ...options.env,
  };
  const cli = (name: string) => join(root, `apps/api/dist/apps/api/src/cli/${name}.js`);
  const main = join(root, 'apps/api/dist/apps/api/src/main.js');
  let out = '';
  const runOnce = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const p = spawn('node', args, { env, cwd: root });
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited ${code}: ${out}`))));
    });
  const processes: ChildProcess[] = [];
  const stop = async () => {
    for (const p of processes) {
      if (p.exitCode === null && p.signalCode === null) {
        p.kill('SIGTERM');
        await new Promise((r) => p.once('exit', r));
      }
    }
    await sql(`DROP DATABASE IF EXISTS \`${database}\``);
    await deleteRedisPrefix(queuePrefix);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runOnce([cli('migrate')]);
    await runOnce([cli('seed-demo')]);
    for (const role of options.worker ? ['--role=api', '--role=worker'] : ['--role=api']) {
      const p = spawn('node', [main, role], { env, cwd: root });
      p.stdout?.on('data', (d) => (out += d));
      p.stderr?.on('data', (d) => (out += d));
      processes.push(p);
    }
    const baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${baseUrl}/api/ready`)).ok) break;
      } catch {
        // not yet
      }
      if (Date.now() > deadline || processes.some((p) => p.exitCode !== null))
        throw new Error(`API did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const bannerFile = join(dir, 'demo-staff.txt');
    const banner = existsSync(bannerFile) ? readFileSync(bannerFile, 'utf8') : '';
    const totpSecrets = Object.fromEntries(
      [...banner.matchAll(/^\s*(\S+)\s.*TOTP secret (\S+)/gm)].map((m) => [m[1], m[2]]),
    );
    return {
      baseUrl,
      output: () => out,
      totpSecrets,
      totpSecret: (username) => {
        const secret = totpSecrets[username];
        if (!secret) throw new Error(`no TOTP secret for ${username} in the demo banner`);
        return secret;
      },
      runCli: (name, args = [], extraEnv = {}) =>
        new Promise<string>((resolve, reject) => {
          let cliOut = '';
          const p = spawn('node', [cli(name), ...args], { env: { ...env, ...extraEnv }, cwd: root });
          p.stdout.on('data', (d) => (cliOut += d));
          p.stderr.on('data', (d) => (cliOut += d));
          p.on('exit', (code) =>
            code === 0 ? resolve(cliOut) : reject(new Error(`${name} exited ${code}: ${cliOut}`)),
          );
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
