#!/usr/bin/env node
// `npm run bench:rescore [-- --residents N] [--workers W] [--concurrency C] [--range-size R] [--keep] [--no-report] [--use-built]`
// Re-scoring benchmark, end to end on this machine: seeds N residents into a scratch database, starts the API and
// one worker as separate processes, previews and then publishes a rule change that flips ~30% of them, and times
// publish → every range done. In the same run it times the baseline: one plain chunked SQL UPDATE writing the same
// rows. Prints the figures and writes them into docs/benchmarks.md.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { buildApi, flag, sleep } from './bench-build.util.mjs';

const root = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');
const residents = flag('residents', 1_000_000);
const concurrency = flag('concurrency', 4);
const rangeSize = flag('range-size', 2000);
const keep = process.argv.includes('--keep');
const report = !process.argv.includes('--no-report');
const workerCount = Math.max(1, flag('workers', 1));
const port = flag('port', 18_480);
// BENCH_RESCORE_DB / BENCH_QUEUE_PREFIX: bench:all --size tiny (in npm test) uses its own, so runs never collide.
const dbName = process.env.BENCH_RESCORE_DB ?? 'hc_bench_rescore';
const useBuilt = process.argv.includes('--use-built');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';
const dbUrl = adminUrl.replace(/\/[^/]+$/, `/${dbName}`);
const sessionSecret = randomBytes(32);
const env = {
  HC_MODE: 'test',
  DATABASE_URL: dbUrl,
  QUEUE_PREFIX: process.env.BENCH_QUEUE_PREFIX ?? '{hcbench}',
  LOG_LEVEL: 'warn',
  PORT: String(port),
  SESSION_SECRET: sessionSecret.toString('base64'),
  DEV_KEYS_FILE: join(root, 'apps/api/node_modules/.cache/hc-bench-keys.json'),
  WORKER_CONCURRENCY: String(concurrency),
  RESCORE_RANGE_SIZE: String(rangeSize),
  RESCORE_POLL_MS: '200',
};

const mysql = (await import('mysql2/promise')).default;
const children = [];
function log(msg) {
  console.log(`[bench:rescore] ${msg}`);
}

async function main() {
  log(
    `residents=${residents} workers=${workerCount} concurrency=${concurrency} range-size=${rangeSize} cpus=${cpus().length}`,
  );
  // --use-built: the API as `npm run build` left it (apps/api/dist), instead of a private tsc build (minutes).
  const build = useBuilt ? { out: join(root, 'apps/api/dist'), preload: null } : buildApi(root, 'hc-bench');
  const node = (script, args = []) =>
    execFileSync(process.execPath, [...preloadArgs(build), join(build.out, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });

  const admin = await mysql.createConnection(adminUrl.replace(/\/[^/]+$/, '/'));
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  // A previous run's queue keys (its re-score leaves ~300k delayed colour-notice jobs per 1M) would be worked off by
  // this run's worker during the preview and the re-score: every run starts from empty queues.
  log(`queue keys of an earlier run deleted: ${await clearQueues()}`);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  node('apps/api/src/cli/migrate.js');
  let t = Date.now();
  node('apps/api/src/cli/seed-bulk.js', ['--residents', String(residents)]);
  const seedSeconds = (Date.now() - t) / 1000;

  const db = await mysql.createConnection(dbUrl);
  const staffId = randomUUID();
  await db.query(
    `INSERT INTO staff (id, username, display_name, password_hash, role, region_scope, disabled, failed_logins, created_at)
     VALUES (UNHEX(REPLACE(?, '-', '')), 'bench-admin', 'Benchmark', 'x', 'system-admin', '', 0, 0, NOW(3))`,
    [staffId],
  );
  const token = await staffToken(staffId);

  const api = start('api', build, '--role=api');
  const workers = Array.from({ length: workerCount }, (_, i) => start(`worker${i + 1}`, build, '--role=worker'));
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000);
  // The preview is timed from its request: a worker still booting would be counted in it.
  await waitForWorkers(workers.length, 60_000);
  const call = async (method, path, body) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const rules = await call('GET', '/api/v1/rules?region=330106');
  const { DEFAULT_RULE_SET: base } = createRequire(import.meta.url)(join(build.out, 'libs/rules/src/index.js'));
  const definition = {
    ...base,
    rules: base.rules.map((r) =>
      r.id === 'medium-risk-region' ? { ...r, params: { ...r.params, includeCurrentRegion: true } } : r,
    ),
  };
  const draft = await call('POST', '/api/v1/admin/rule-sets', {
    definition,
    changelog: {
      'zh-CN': '基准测试：中风险地区的当前所在地也计入。',
      en: 'Benchmark: being in a medium-risk region today counts too.',
    },
  });
  log(`rules in force: v${rules.ruleSetVersion}; draft ${draft.id}`);

  t = Date.now();
  const preview = await call('POST', `/api/v1/admin/rule-sets/${draft.id}/preview`);
  const previewRun = await waitForRun(call, preview.runId);
  const previewSeconds = (Date.now() - t) / 1000;
  log(`preview: ${previewSeconds.toFixed(1)} s, ${previewRun.preview.changed} would change colour`);

  t = Date.now();
  const published = await call('POST', `/api/v1/admin/rule-sets/${draft.id}/publish`);
  const run = await waitForRun(call, published.runId);
  const rescoreSeconds = (Date.now() - t) / 1000;
  const peakRssMb = Math.max(...workers.map((w) => workerPeakRss(w.pid)));
  const [[{ changedColour }]] = await db.query(
    `SELECT COUNT(*) AS changedColour FROM code_history WHERE cause_ref = 'rules:${published.ruleSet.version}' AND color_before <> color_after`,
  );
  log(
    `re-score: ${rescoreSeconds.toFixed(1)} s for ${run.total} residents (${Math.round(run.total / rescoreSeconds)}/s), ${run.changed} codes rewritten, ${changedColour} colour changes, worker peak RSS ${peakRssMb} MB`,
  );

  // Baseline: the same rows written by one plain chunked UPDATE … JOIN over 10k primary-key ranges.
  const [bounds] = await db.query(
    `SELECT resident_id FROM (SELECT resident_id, ROW_NUMBER() OVER (ORDER BY resident_id) AS rn FROM resident_codes) t WHERE MOD(rn - 1, 10000) = 0 ORDER BY resident_id`,
  );
  t = Date.now();
  let baselineRows = 0;
  for (let i = 0; i < bounds.length; i++) {
    const end = bounds[i + 1]?.resident_id ?? Buffer.alloc(16, 0xff);
    const [res] = await db.query(
      `UPDATE resident_codes c JOIN code_history h ON h.resident_id = c.resident_id AND h.cause = 'rules-published' AND h.cause_ref = ?
          SET c.color = h.color_before, c.reasons = h.reasons_before, c.code_version = c.code_version + 1, c.evaluated_at = NOW(3)
        WHERE c.resident_id >= ? AND c.resident_id < ?`,
      [`rules:${published.ruleSet.version}`, bounds[i].resident_id, end],
    );
    baselineRows += res.affectedRows;
  }
  const baselineSeconds = (Date.now() - t) / 1000;
  log(`baseline: ${baselineSeconds.toFixed(1)} s for ${baselineRows} rows`);
  await db.end();

  const figures = {
    date: new Date().toISOString().slice(0, 10),
    residents,
    concurrency,
    rangeSize,
    workers: workerCount,
    cpus: cpus().length,
    memGb: Math.round(totalmem() / 1024 ** 3),
    // Other processes on the machine (shared with other work) slow every figure; recorded so runs can be compared.
    loadAverage: loadavg()[1].toFixed(1),
    seedSeconds,
    previewSeconds,
    rescoreSeconds,
    rate: Math.round(run.total / rescoreSeconds),
    rewritten: run.changed,
    changedColour: Number(changedColour),
    peakRssMb,
    baselineSeconds,
    baselineRows,
    ratio: rescoreSeconds / baselineSeconds,
    previewRatio: previewSeconds / rescoreSeconds,
    command: `npm run bench:rescore -- --residents ${residents}${workerCount > 1 ? ` --workers ${workerCount}` : ''}${concurrency !== 4 ? ` --concurrency ${concurrency}` : ''}${rangeSize !== 2000 ? ` --range-size ${rangeSize}` : ''}`,
  };
  if (report) writeReport(figures);
  console.log(JSON.stringify(figures, null, 2));
  void api;
}

/** Deletes every Redis key under this benchmark's queue prefix; returns how many there were. */
async function clearQueues() {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

const preloadArgs = (build) => (build.preload ? ['-r', build.preload] : []);

function start(name, build, role) {
  const child = spawn(process.execPath, [...preloadArgs(build), join(build.out, 'apps/api/src/main.js'), role], {
    cwd: root,
    // Each worker its own id, so each writes its own heartbeat key (`waitForWorkers`).
    env: { ...process.env, ...env, WORKER_ID: name },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[bench:rescore] ${name} exited (${code ?? signal})`);
      process.exitCode = 1;
    }
  });
  return child;
}

let stopping = false;
async function stopAll() {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await sleep(500);
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
}

/** VmHWM: the kernel's record of the process's peak resident set size. */
function workerPeakRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function staffToken(staffId) {
  const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'HS256' });
  const payload = b64({
    typ: 'staff',
    role: 'system-admin',
    scope: '',
    sub: staffId,
    iss: 'healthcode',
    iat: now,
    exp: now + 8 * 3600,
  });
  const sig = createHmac('sha256', sessionSecret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Waits until `count` workers write their heartbeat (the key a worker sets once it has started). */
async function waitForWorkers(count, timeoutMs) {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      let [cursor, keys] = ['0', []];
      do {
        const [next, batch] = await redis.scan(
          cursor,
          'MATCH',
          `${env.QUEUE_PREFIX}:heartbeat:worker:*`,
          'COUNT',
          1000,
        );
        cursor = next;
        keys = keys.concat(batch);
      } while (cursor !== '0');
      if (keys.length >= count) return;
      await sleep(100);
    }
    throw new Error(`${count} worker(s) did not start within ${timeoutMs} ms`);
  } finally {
    redis.disconnect();
  }
}

async function waitForRun(call, runId) {
  for (;;) {
    const run = await call('GET', `/api/v1/rescore/runs/${runId}`);
    if (run.state === 'finished') return run;
    await sleep(100);
  }
}

function writeReport(f) {
  const file = join(root, 'docs/benchmarks.md');
  const begin = '<!-- bench:rescore:begin -->';
  const end = '<!-- bench:rescore:end -->';
  const section = `${begin}
## Re-scoring (\`${f.command}\`, ${f.date})

Measured on this machine (${f.cpus} cores, ${f.memGb} GB, 5-minute load average ${f.loadAverage} at the end of the run), API, ${f.workers === 1 ? 'one worker' : `${f.workers} workers`} (concurrency ${f.concurrency} each, ranges of ${f.rangeSize}),
MariaDB and Redis all running on it. A published rule change makes "being in a medium-risk region today" count,
which turns the ~30% of residents currently in Hangzhou (medium risk) yellow.

| Figure | Measured | Target |
| --- | --- | --- |
| Residents | ${f.residents.toLocaleString('en')} | 1,000,000 |
| Publish → every range done | ${f.rescoreSeconds.toFixed(1)} s (${f.rate.toLocaleString('en')} residents/s) | ≤ 15 s (≥ 70k/s) |
| Codes rewritten / colour changes | ${f.rewritten.toLocaleString('en')} / ${f.changedColour.toLocaleString('en')} | ~30% |
| Baseline: chunked \`UPDATE … JOIN\` of the same rows (10k PK ranges) | ${f.baselineSeconds.toFixed(1)} s for ${f.baselineRows.toLocaleString('en')} rows | |
| Ratio re-score / baseline | ${f.ratio.toFixed(1)}× | ≤ 3× |
| Worker peak RSS (VmHWM${f.workers > 1 ? ', largest worker' : ''}) | ${f.peakRssMb} MB | ≤ 512 MB |
| What-if preview (same rules, nothing written) | ${f.previewSeconds.toFixed(1)} s, ${f.previewRatio.toFixed(2)}× the re-score | ≤ 5 s |
| Seeding (\`seed-bulk\`: LOAD DATA LOCAL, 2 processes, codes scored in memory, indexes built at the end) | ${f.seedSeconds.toFixed(1)} s | ≤ 120 s |
${end}`;
  let text = readFileSync(file, 'utf8');
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  text =
    a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  log(`results written to docs/benchmarks.md`);
}

try {
  await main();
} catch (error) {
  console.error(`[bench:rescore] ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await stopAll();
  if (!keep) {
    await clearQueues();
    const admin = await mysql.createConnection(adminUrl.replace(/\/[^/]+$/, '/'));
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  }
  rmSync(join(root, 'apps/api/node_modules/.cache/hc-bench'), { recursive: true, force: true });
  mkdirSync(join(root, 'apps/api/node_modules/.cache'), { recursive: true });
}
