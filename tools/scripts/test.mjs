#!/usr/bin/env node
// `npm test`: check the browser, install what is missing, then lint, build, type-check, and run every jest tier:
// unit (no database, no network), medium and e2e against the real MariaDB/Redis, browser tests in Chromium.
// Ends with one line "N passed, N failed".
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { chromiumProblem, ensureInstalled, isolatedFromNetworkAsync, root, runAsync } from './proc.mjs';

// Checked first, so a missing browser costs seconds instead of a 15-minute run that fails at the end.
const missing = chromiumProblem();
if (missing) {
  console.error(`[test] ${missing}`);
  console.error(
    '[test] install it with:  apt-get install -y chromium fonts-noto-cjk   (as root), then run npm test again',
  );
  process.exit(1);
}

/** Unit tiers: run without MariaDB, Redis or any network (in an empty network namespace when the host allows it). */
const UNIT = [
  ['libs/contracts'],
  ['libs/regions'],
  ['libs/rules'],
  ['libs/qr-token'],
  ['libs/seed'],
  ['tools/lint'],
  ['apps/api', 'jest.unit.config.cjs', 'apps/api:unit'],
  ['apps/console'],
  ['apps/miniapp'],
  ['tools/e2e', 'jest.unit.config.cjs', 'tools/e2e:unit'],
];
/** Tiers that talk to the real MariaDB, Redis and Chromium. */
const MEDIUM = ['apps/api', 'jest.medium.config.cjs', 'apps/api:medium'];
const API_E2E = ['apps/api', 'jest.e2e.config.cjs', 'apps/api:e2e'];
// The re-score fault cases on a real 3-master Redis Cluster the spec starts from the installed redis-server.
const CLUSTER = ['apps/api', 'jest.cluster.config.cjs', 'apps/api:cluster'];
const BROWSER = ['tools/e2e', 'jest.config.cjs', 'tools/e2e:browser'];
const resultsDir = join(root, '.test-results');
const timings = {};
/** Every jest suite's duration, for the slowest-suites line at the end (where a fresh-clone run spends its time). */
const suites = [];
let passed = 0;
let failed = 0;
let stepFailed = false;

/** A step that runs a list of commands one after another; side-by-side steps are awaited together. */
async function step(name, commands) {
  const started = Date.now();
  try {
    for (const [cmd, args, options] of commands) await runAsync(name, cmd, args, options);
  } catch (error) {
    console.error(`[test] ${name}: ${error.message}`);
    stepFailed = true;
  }
  timings[name] = Number(((Date.now() - started) / 1000).toFixed(1));
}

async function jest([project, config, name = project], { offline }) {
  const out = join(resultsDir, `${name.replace(/[/:]/g, '-')}.json`);
  const args = ['jest', '--ci', '--json', `--outputFile=${out}`, ...(config ? ['-c', config] : [])];
  try {
    timings[name] = await (offline
      ? isolatedFromNetworkAsync(name, 'npx', args, { cwd: join(root, project) })
      : runAsync(name, 'npx', args, { cwd: join(root, project) }));
  } catch {
    stepFailed = true;
  }
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    for (const t of r.testResults ?? [])
      suites.push({ seconds: (t.endTime - t.startTime) / 1000, file: t.name.slice(root.length + 1) });
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  } catch {
    console.error(`[test] ${name}: jest wrote no results`);
    failed += 1;
  }
}

const wall = Date.now();
timings.install = ensureInstalled();
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

// Steps run two at a time where one of them leaves a core idle (the build is mostly one process; the e2e tiers
// wait on the database, the browser and worker processes): this is what keeps `.ci/run` under 20 minutes on two
// cores. Each line of a side-by-side step's output is prefixed with its name.
await Promise.all([
  step('build', [
    [
      'npx',
      ['nx', 'run-many', '-t', 'build', 'build:h5', 'build:weapp', 'build:alipay', '--parallel=2'],
      { env: { NODE_ENV: 'production' } },
    ],
  ]),
  // The module-boundary lint rule reads Nx's cached project graph: `nx graph` writes it first.
  step('lint', [
    ['npx', ['prettier', '--check', '.']],
    ['npx', ['nx', 'graph', `--file=${join(root, '.nx/graph.json')}`]],
    ['npx', ['eslint', '--max-warnings=0', '.']],
    ['node', ['tools/lint/bin/check-module-cycles.mjs']],
  ]).then(() => step('typecheck', [['npx', ['nx', 'run-many', '-t', 'typecheck', '--parallel=2']]])),
]);

await Promise.all([
  (async () => {
    for (const tier of UNIT) await jest(tier, { offline: true });
  })(),
  jest(MEDIUM, { offline: false }),
]);
// The browser tier needs the builds above.
await Promise.all([jest(API_E2E, { offline: false }), jest(BROWSER, { offline: false })]);
await Promise.all([
  jest(CLUSTER, { offline: false }),
  (async () => {
    // Backup and restore at a small size (docs/OPERATIONS.md): dump a seeded database, restore it into a new one,
    // check rows, the audit chain and decryption. Uses the API build above.
    await step('backup-restore', [['node', ['tools/scripts/backup-restore-check.mjs', '--residents', '200']]]);
    // Every benchmark at a tiny size, only to prove they still work (all requests answered, no scan lost or
    // doubled, re-scoring completes); never a timing assertion. Uses the builds above.
    await step('bench:tiny', [['node', ['tools/bench/src/bench-all.mjs', '--size', 'tiny']]]);
  })(),
]);
timings.total = Number(((Date.now() - wall) / 1000).toFixed(1));

console.log(`[test] seconds per step: ${JSON.stringify(timings)}`);
const slowest = suites.sort((a, b) => b.seconds - a.seconds).slice(0, 12);
console.log(`[test] slowest suites: ${slowest.map((t) => `${t.file} ${t.seconds.toFixed(0)}s`).join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(stepFailed || failed > 0 ? 1 : 0);
