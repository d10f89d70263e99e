import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { createConnection } from 'mysql2/promise';

const root = join(__dirname, '../../..');
const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';

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

export interface RunningServer { baseUrl: string; output: () => string; stop: () => Promise<void> }

/** Runs the built API exactly as `npm start` does (migrate, seed, serve) on its own database, port and queue prefix. */
export async function startBuiltServer(): Promise<RunningServer> {
  const database = `hc_e2e_${randomBytes(5).toString('hex')}`;
  const port = await freePort();
  const env = {
    ...process.env,
    HC_MODE: 'test',
    PORT: String(port),
    DATABASE_URL: BASE_DB.replace(/\/[A-Za-z0-9_]+$/, `/${database}`),
    QUEUE_PREFIX: `{hce2e${randomBytes(3).toString('hex')}}`,
    DEV_KEYS_FILE: join('/tmp', `${database}-keys.json`),
    CONSOLE_DIST: join(root, 'apps/console/dist'),
    MINIAPP_DIST: join(root, 'apps/miniapp/dist/h5'),
    LOG_LEVEL: 'warn',
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
  const api: ChildProcess = spawn('node', [join(root, 'apps/api/dist/apps/api/src/main.js'), '--role=api'], { env, cwd: root });
  api.stdout?.on('data', (d) => (out += d));
  api.stderr?.on('data', (d) => (out += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline || api.exitCode !== null) throw new Error(`API did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    output: () => out,
    stop: async () => {
      if (api.exitCode === null) {
        api.kill('SIGTERM');
        await new Promise((r) => api.once('exit', r));
      }
      await sql(`DROP DATABASE IF EXISTS \`${database}\``);
    },
  };
}
