import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createConnection } from 'mysql2/promise';
import { generate } from 'otplib';

const root = join(__dirname, '../../..');
const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';
export const DEMO_STAFF_PASSWORD = 'healthcode-demo';

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

export interface DemoServer {
  baseUrl: string;
  output: () => string;
  /** The seeded TOTP secret of a demo staff account (`supervisor`, `region-admin`, …), from the start-up banner file. */
  totpSecret: (username: string) => string;
  stop: () => Promise<void>;
}

/**
 * Like server.util's startBuiltServer, but in demo mode (HC_MODE=demo seeds one staff account per role, as
 * `npm start` does) and with the worker running too (it delivers notifications to the dev inbox).
 * Rate limits are lifted as in test mode.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const database = `hc_e2e_${randomBytes(5).toString('hex')}`;
  const keysDir = mkdtempSync(join(tmpdir(), 'hc-e2e-miniapp-'));
  const port = await freePort();
  const env = {
    ...process.env,
    HC_MODE: 'demo',
    PORT: String(port),
    DATABASE_URL: BASE_DB.replace(/\/[A-Za-z0-9_]+$/, `/${database}`),
    QUEUE_PREFIX: `{hce2e${randomBytes(3).toString('hex')}}`,
    DEV_KEYS_FILE: join(keysDir, 'dev-keys.json'),
    APPEAL_EVIDENCE_DIR: join(keysDir, 'evidence'),
    CONSOLE_DIST: join(root, 'apps/console/dist'),
    MINIAPP_DIST: join(root, 'apps/miniapp/dist/h5'),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_STAFF_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_HOST_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_SIGNUP_PER_MINUTE: '100000',
    RATE_LIMIT_SCAN_PER_MINUTE: '100000',
  };
  const cli = (name: string) => join(root, `apps/api/dist/apps/api/src/cli/${name}.js`);
  let out = '';
  const runOnce = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const p = spawn('node', args, { env, cwd: root });
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited ${code}: ${out}`))));
    });
  await runOnce([cli('migrate')]);
  await runOnce([cli('seed-demo')]);
  const main = join(root, 'apps/api/dist/apps/api/src/main.js');
  const processes: ChildProcess[] = ['--role=api', '--role=worker'].map((r) => {
    const p = spawn('node', [main, r], { env, cwd: root });
    p.stdout?.on('data', (d) => (out += d));
    p.stderr?.on('data', (d) => (out += d));
    return p;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline || processes[0].exitCode !== null) {
      for (const p of processes) if (p.exitCode === null) p.kill('SIGTERM');
      throw new Error(`API did not start: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const banner = readFileSync(join(keysDir, 'demo-staff.txt'), 'utf8');
  return {
    baseUrl,
    output: () => out,
    totpSecret: (username) => {
      const m = new RegExp(`^\\s*${username}\\s.*TOTP secret (\\S+)`, 'm').exec(banner);
      if (!m) throw new Error(`no TOTP secret for ${username} in the demo banner`);
      return m[1];
    },
    stop: async () => {
      for (const p of processes) {
        if (p.exitCode === null) {
          p.kill('SIGTERM');
          await new Promise((r) => p.once('exit', r));
        }
      }
      const conn = await createConnection(BASE_DB.replace(/\/[A-Za-z0-9_]+$/, '/'));
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await conn.end();
      }
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/** JSON over HTTP against the running API. */
export function api(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: token.startsWith('Device ') ? token : `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as any) : null };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown, token?: string) => call('POST', path, body, token),
    /** A demo staff session; TOTP accounts get their code from the seeded secret. */
    staffLogin: async (username: string, totpSecret?: string) => {
      const totp = totpSecret ? await generate({ secret: totpSecret }) : undefined;
      const res = await call('POST', '/api/v1/staff/login', { username, password: DEMO_STAFF_PASSWORD, ...(totp ? { totp } : {}) });
      if (res.status !== 200) throw new Error(`staff login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    residentLogin: async (demoName: string) => {
      const res = await call('POST', '/api/v1/auth/host-login', { provider: 'dev', code: `dev-${demoName}` });
      if (res.status !== 200 && res.status !== 201) throw new Error(`host login: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
  };
}
