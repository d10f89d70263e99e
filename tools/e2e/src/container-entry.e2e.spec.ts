import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { PNG } from 'pngjs';
import S3rver from 's3rver';
import { parse } from 'yaml';

const root = join(__dirname, '../../..');
const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The runtime stage's ENV lines of the Dockerfile (the image's defaults). */
function dockerfileEnv(): Record<string, string> {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const runtime = text.slice(text.indexOf('AS runtime'));
  const line = /^ENV (.+)$/m.exec(runtime)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
}

/** `ENTRYPOINT ["node", "/app/deploy/docker/entrypoint.mjs"]` with /app being the checkout here. */
function entrypoint(): string[] {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const json = /^ENTRYPOINT (\[.+\])$/m.exec(text)?.[1];
  if (!json) throw new Error('no ENTRYPOINT in exec form');
  return (JSON.parse(json) as string[]).map((a) => a.replace(/^\/app\//, `${root}/`));
}

/** Compose's interpolation with no .env file: `${VAR:-default}` takes the default, `$$` is a literal `$`. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{([A-Z_]+)(?::-([^}]*))?\}/g, (m, _name, fallback) =>
    m === '$$' ? '$' : (fallback ?? ''),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Docker cannot run here, so this runs what the image runs: the Dockerfile's ENTRYPOINT with each compose service's
 * command and environment (image ENV, then the compose environment), as plain processes. Only what a container
 * network changes is rewritten: the database and Redis addresses (scratch database, own queue prefix), the paths
 * under /app, one port per API replica, and one worker id.
 */
describe('the image entry commands from docker-compose.yml, as plain processes (e2e)', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
  const database = `hc_image_${randomBytes(4).toString('hex')}`;
  const queuePrefix = `{hcimg${randomBytes(3).toString('hex')}}`;
  const state = mkdtempSync(join(tmpdir(), 'hc-image-'));
  const processes: ChildProcess[] = [];
  let output = '';
  // The compose file's MinIO, played by s3rver (a real S3-protocol server, in this process): same bucket name.
  let s3: S3rver;
  let s3Endpoint = '';
  const s3Dir = mkdtempSync(join(tmpdir(), 'hc-image-s3-'));

  beforeAll(async () => {
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: compose.services.api.environment.S3_BUCKET }],
    });
    const { port } = await s3.run();
    s3Endpoint = `http://127.0.0.1:${port}`;
  });

  const envFor = (service: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const env: Record<string, string> = { ...dockerfileEnv(), ...compose.services[service].environment };
    for (const [k, v] of Object.entries(env)) env[k] = interpolate(String(v)).replace(/^\/app\//, `${root}/`);
    // The named volume app-state (mounted at /app/.healthcode) is a folder shared by every process here.
    env.DEV_KEYS_FILE = join(state, 'dev-keys.json');
    env.APPEAL_EVIDENCE_DIR = join(state, 'evidence');
    env.DATABASE_URL = BASE_DB.replace(/\/[A-Za-z0-9_]+$/, `/${database}`);
    env.REDIS_URL = REDIS_URL;
    env.QUEUE_PREFIX = queuePrefix;
    env.HOST = '127.0.0.1';
    env.S3_ENDPOINT = s3Endpoint;
    env.S3_ACCESS_KEY_ID = 'S3RVER';
    env.S3_SECRET_ACCESS_KEY = 'S3RVER';
    return { PATH: process.env.PATH ?? '', ...env, ...extra };
  };
  const [node, ...entry] = entrypoint();
  const runOnce = (service: string) => {
    const res = spawnSync(node, [...entry, ...compose.services[service].command], {
      env: envFor(service),
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { status: res.status, out: `${res.stdout}${res.stderr}` };
  };
  const start = (service: string, extra: Record<string, string>) => {
    const p = spawn(node, [...entry, ...compose.services[service].command], { env: envFor(service, extra) });
    p.stdout.on('data', (d) => (output += d));
    p.stderr.on('data', (d) => (output += d));
    processes.push(p);
    return p;
  };
  const healthCheck = (service: string, extra: Record<string, string>) => {
    const test = compose.services[service].healthcheck.test as string[];
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '/app/deploy/docker/entrypoint.mjs']);
    const res = spawnSync(node, [...entry, ...test.slice(3)], { env: envFor(service, extra), encoding: 'utf8' });
    return { status: res.status, err: res.stderr };
  };

  afterAll(async () => {
    for (const p of processes) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    const conn = await createConnection(BASE_DB.replace(/\/[A-Za-z0-9_]+$/, '/'));
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${queuePrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(state, { recursive: true, force: true });
    await s3?.close();
    rmSync(s3Dir, { recursive: true, force: true });
  });

  it('migrate and seed run once and exit 0; api x2 and the worker pass their health checks and serve a resident', async () => {
    expect(compose.services.api.deploy.replicas).toBe(2);
    const migrate = runOnce('migrate');
    expect({ status: migrate.status, out: migrate.status === 0 ? '' : migrate.out.slice(-800) }).toEqual({
      status: 0,
      out: '',
    });
    expect(migrate.out).toMatch(/migration\(s\) applied/);
    const seed = runOnce('seed');
    expect({ status: seed.status, out: seed.status === 0 ? '' : seed.out.slice(-800) }).toEqual({ status: 0, out: '' });

    const ports = [await freePort(), await freePort()];
    // In containers every process has 9464 to itself; here each gets its own metrics port.
    const metricsPorts = [await freePort(), await freePort(), await freePort()];
    const apis = ports.map((port, i) => start('api', { PORT: String(port), METRICS_PORT: String(metricsPorts[i]) }));
    const worker = start('worker', {
      METRICS_PORT: String(metricsPorts[2]),
      WORKER_ID: 'worker-1',
      WORKER_HEARTBEAT_MS: '300',
      WORKER_HEARTBEAT_STALE_MS: '2000',
    });
    const workerEnv = { WORKER_ID: 'worker-1', WORKER_HEARTBEAT_STALE_MS: '2000' };
    const deadline = Date.now() + 90_000;
    const healthy = async (fn: () => { status: number | null }) => {
      while (fn().status !== 0) {
        if (Date.now() > deadline || [...apis, worker].some((p) => p.exitCode !== null))
          throw new Error(`not healthy in time:\n${output.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    for (const port of ports) await healthy(() => healthCheck('api', { PORT: String(port) }));
    await healthy(() => healthCheck('worker', workerEnv));

    // The e2e smoke, through both replicas: a session from one is honoured by the other.
    const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`);
    const login = await fetch(`${a}/api/v1/auth/host-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'dev', code: 'dev-demo1' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const code = await fetch(`${b}/api/v1/me/code`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(code.status).toBe(200);
    expect((await code.json()) as { color: string }).toMatchObject({
      color: expect.stringMatching(/green|yellow|red/),
    });
    // An appeal filed through B with an evidence image lands in the S3 bucket, and A lists it.
    const reason = (
      (await (await fetch(`${b}/api/v1/me/code`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as {
        reasons: { suppressed?: boolean; color: string; ruleId: string; fact: Record<string, unknown> }[];
      }
    ).reasons.find((r) => !r.suppressed && r.color !== 'green');
    expect(reason).toBeDefined();
    const form = new FormData();
    form.append('ruleId', reason!.ruleId);
    form.append('factKind', String(reason!.fact.kind));
    if (typeof reason!.fact.ref === 'string') form.append('factRef', reason!.fact.ref);
    const date = ['date', 'from', 'onset', 'until'].map((k) => reason!.fact[k]).find((v) => typeof v === 'string');
    if (date) form.append('factDate', String(date));
    form.append('category', 'data-error');
    form.append('statement', 'I was never there; I entered the wrong city in the form.');
    const png = new PNG({ width: 8, height: 8 });
    png.data.fill(180);
    form.append('evidence', new Blob([new Uint8Array(PNG.sync.write(png))], { type: 'image/png' }), 'ticket.png');
    const filed = await fetch(`${b}/api/v1/me/appeals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
    });
    expect(filed.status).toBe(201);
    const { number } = (await filed.json()) as { number: number };
    const listed = await fetch(`${a}/api/v1/me/appeals`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(JSON.stringify(await listed.json())).toContain(`"number":${number}`);
    const bucket = await (
      await fetch(`${s3Endpoint}/${compose.services.api.environment.S3_BUCKET}?list-type=2`)
    ).text();
    expect(bucket).toMatch(/<Key>evidence\/[^<]+<\/Key>/);

    const jwks = await Promise.all([a, b].map(async (base) => (await fetch(`${base}/.well-known/jwks.json`)).json()));
    expect(jwks[0]).toEqual(jwks[1]);
    for (const base of [a, b]) {
      expect((await fetch(`${base}/console/`)).status).toBe(200);
      expect((await fetch(`${base}/app/`)).status).toBe(200);
    }

    // Each process serves Prometheus metrics on its own (unpublished) port; the API's count HTTP routes.
    for (const port of metricsPorts) {
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('hc_queue_jobs');
    }
    expect(await (await fetch(`http://127.0.0.1:${metricsPorts[1]}/metrics`)).text()).toContain(
      'route="/api/v1/me/code"',
    );

    // A hung worker (stopped, not dead) goes unhealthy once its heartbeat is stale, and healthy again when it runs.
    process.kill(worker.pid!, 'SIGSTOP');
    await new Promise((r) => setTimeout(r, 2500));
    const hung = healthCheck('worker', workerEnv);
    expect(hung.status).toBe(1);
    expect(hung.err).toMatch(/no heartbeat for worker worker-1|heartbeat of worker worker-1 is \d+ ms old/);
    process.kill(worker.pid!, 'SIGCONT');
    await new Promise((r) => setTimeout(r, 1000));
    expect(healthCheck('worker', workerEnv).status).toBe(0);

    // A stopped replica fails its health check; the other still serves.
    apis[0].kill('SIGTERM');
    await new Promise((r) => apis[0].once('exit', r));
    expect(healthCheck('api', { PORT: String(ports[0]) }).status).toBe(1);
    expect(healthCheck('api', { PORT: String(ports[1]) }).status).toBe(0);
  });
});
