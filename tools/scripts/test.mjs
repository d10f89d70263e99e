#!/usr/bin/env node
// `npm test`: install what is missing, then lint, build, type-check, and run every jest project (unit, medium
// and e2e against the real MariaDB/Redis, browser tests in Chromium). Ends with one line "N passed, N failed".
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ensureInstalled, root, run } from './proc.mjs';

const JEST_PROJECTS = [
  'libs/contracts',
  'libs/regions',
  'libs/rules',
  'libs/qr-token',
  'libs/seed',
  'tools/lint',
  'apps/api',
  'apps/console',
  'apps/miniapp',
  'tools/e2e',
];
const resultsDir = join(root, '.test-results');
const timings = {};
let passed = 0;
let failed = 0;
let stepFailed = false;

function step(name, fn) {
  try {
    timings[name] = fn();
  } catch (error) {
    console.error(`[test] ${name}: ${error.message}`);
    stepFailed = true;
  }
}

timings.install = ensureInstalled();
// The module-boundary lint rule reads Nx's cached project graph: `nx graph` writes it first.
step('build', () =>
  run('npx', ['nx', 'run-many', '-t', 'build', 'build:h5', 'build:weapp', 'build:alipay', '--parallel=2'], {
    env: { NODE_ENV: 'production' },
  }),
);
step(
  'lint',
  () =>
    run('npx', ['prettier', '--check', '.']) +
    run('npx', ['nx', 'graph', `--file=${join(root, '.nx/graph.json')}`]) +
    run('npx', ['eslint', '--max-warnings=0', '.']),
);
step('typecheck', () => run('npx', ['nx', 'run-many', '-t', 'typecheck', '--parallel=2']));

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
for (const project of JEST_PROJECTS) {
  const out = join(resultsDir, `${project.replace('/', '-')}.json`);
  try {
    timings[project] = run('npx', ['jest', '--ci', '--json', `--outputFile=${out}`], { cwd: join(root, project) });
  } catch {
    stepFailed = true;
  }
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  } catch {
    console.error(`[test] ${project}: jest wrote no results`);
    failed += 1;
  }
}

console.log(`[test] seconds per step: ${JSON.stringify(timings)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(stepFailed || failed > 0 ? 1 : 0);
