import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { createConnection } from 'mysql2/promise';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';

const root = join(__dirname, '../../..');
const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';
export const DEMO_PASSWORD = 'healthcode-demo';

/** Screenshots land in docs/screenshots with UPDATE_SCREENSHOTS=1, otherwise beside the test results. */
export const shotsDir = process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs/screenshots') : join(root, '.test-results/screenshots');

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

export interface ConsoleServer {
  baseUrl: string;
  /** TOTP secrets of the demo staff, read from the seed's banner file. */
  totpSecrets: Record<string, string>;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The built API and its worker in demo mode (so the demo staff accounts are seeded), on a scratch database:
 * the console's flows need both the staff logins and the queue worker that runs previews and re-scoring.
 */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const database = `hc_e2e_console_${randomBytes(4).toString('hex')}`;
  const dir = join('/tmp', database);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const env = {
    ...process.env,
    HC_MODE: 'demo',
    PORT: String(port),
    DATABASE_URL: BASE_DB.replace(/\/[A-Za-z0-9_]+$/, `/${database}`),
    QUEUE_PREFIX: `{hce2ec${randomBytes(3).toString('hex')}}`,
    DEV_KEYS_FILE: join(dir, 'dev-keys.json'),
    APPEAL_EVIDENCE_DIR: join(dir, 'evidence'),
    CONSOLE_DIST: join(root, 'apps/console/dist'),
    MINIAPP_DIST: join(root, 'apps/miniapp/dist/h5'),
    RESCORE_POLL_MS: '200',
    LOG_LEVEL: 'warn',
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
  await runOnce([cli('migrate')]);
  await runOnce([cli('seed-demo')]);
  const children: ChildProcess[] = ['--role=api', '--role=worker'].map((role) => {
    const child = spawn('node', [main, role], { env, cwd: root });
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    return child;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline || children.some((c) => c.exitCode !== null)) throw new Error(`API did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const banner = readFileSync(join(dir, 'demo-staff.txt'), 'utf8');
  const totpSecrets = Object.fromEntries([...banner.matchAll(/^\s+(\S+)\s.*TOTP secret (\S+)/gm)].map((m) => [m[1], m[2]]));
  return {
    baseUrl,
    totpSecrets,
    output: () => out,
    stop: async () => {
      for (const child of children) {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        }
      }
      const conn = await createConnection(BASE_DB.replace(/\/[A-Za-z0-9_]+$/, '/'));
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await conn.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const lastStep = new Map<string, number>();

/**
 * A fresh TOTP code: the API refuses a time step it has already accepted and accepts one step of drift, so a
 * third login inside one 30-second window waits for the clock.
 */
export async function totpCode(secret: string): Promise<string> {
  const used = lastStep.get(secret);
  let current = Math.floor(Date.now() / 30_000);
  while (used !== undefined && used + 1 > current + 1) {
    await new Promise((r) => setTimeout(r, 1000));
    current = Math.floor(Date.now() / 30_000);
  }
  const step = used === undefined ? current : Math.max(current, used + 1);
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * 30 });
}

/** Logs a demo staff member into the console in English (the switch is remembered), with TOTP where the role has it. */
export async function staffLogin(browser: Browser, server: ConsoleServer, role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/#/login`, { waitUntil: 'networkidle' });
  await page.getByText('English', { exact: true }).first().click();
  await page.getByLabel('Username').fill(role);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const secret = server.totpSecrets[role];
  if (secret) {
    const field = page.getByLabel('Verification code');
    await field.waitFor();
    await field.fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.getByRole('navigation').first().waitFor({ timeout: 20_000 });
  return page;
}

/** axe-core in the page: the serious and critical violations, with the offending selectors. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // evaluate() is not bound by the console's Content-Security-Policy, which (rightly) forbids inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary?.split('\n')[1] ?? ''}`).slice(0, 5).join(' | ')}`);
}

/** Plain HTTP against the API, for test setup and for reading what residents see. */
export function api(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined } as { status: number; body: any };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown, token?: string) => call('POST', path, body, token),
  };
}
