import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';

const root = join(__dirname, '../../..');
const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';

/** Every process whose command line mentions `marker` (our children inherit it through the environment). */
function processesWith(marker: string): string[] {
  const out = spawnSync('ps', ['-eo', 'pid,args', '--no-headers'], { encoding: 'utf8' }).stdout;
  const pids = out
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0])
    .filter(Boolean);
  return pids.filter((pid) => {
    try {
      return require('node:fs').readFileSync(`/proc/${pid}/environ`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
}

describe('npm start (e2e)', () => {
  const database = `hc_start_${randomBytes(4).toString('hex')}`;
  const marker = `HC_START_TEST=${database}`;
  const queuePrefix = `{hcs${randomBytes(3).toString('hex')}}`;

  afterAll(async () => {
    const conn = await createConnection(BASE_DB.replace(/\/[A-Za-z0-9_]+$/, '/'));
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${queuePrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('builds, migrates, seeds, serves everything on one port, prints the logins, and leaves no process after Ctrl-C', async () => {
    const port = 18000 + Math.floor(Math.random() * 2000);
    const child = spawn('npm', ['start'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: BASE_DB.replace(/\/[A-Za-z0-9_]+$/, `/${database}`),
        QUEUE_PREFIX: queuePrefix,
        DEV_KEYS_FILE: `/tmp/${database}-keys.json`,
        HC_START_TEST: database,
      },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const deadline = Date.now() + 420_000;
    while (!output.includes('Ctrl-C stops everything') && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 500));
    if (!output.includes('Ctrl-C stops everything'))
      throw new Error(`npm start did not come up:\n${output.slice(-3000)}`);
    const base = `http://127.0.0.1:${port}`;
    for (const path of ['/api/ready', '/api/docs/openapi.json', '/.well-known/jwks.json', '/console/', '/app/']) {
      expect({ path, status: (await fetch(`${base}${path}`)).status }).toEqual({ path, status: 200 });
    }
    expect(output).toContain(`${base}/console/`);
    expect(output).toMatch(/dev-demo/);
    expect(output).toMatch(/Open appeals: 3 /);
    expect(output).toMatch(/residents by colour \{.*"green".*"red".*"yellow"|already has/);
    expect(processesWith(marker).length).toBeGreaterThanOrEqual(3);

    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-child.pid!, 'SIGINT');
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 500));
    expect(processesWith(marker)).toEqual([]);
  });
});
