#!/usr/bin/env node
// `npm run bench:all [-- --size reduced|tiny]`: every benchmark, one after the other, at a reduced size.
// - reduced (default): short enough to run while working (a few minutes), large enough for meaningful ratios.
// - tiny: seconds; `npm test` runs it only to prove the benchmarks still work (BENCH_STRICT: every request
//   answered, no scan lost or doubled, re-scoring completes). It never asserts a time.
// Expects the API and tools/bench to be built (`npm run bench:all` builds them first; `npm test` has already).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');
const i = process.argv.indexOf('--size');
const size = (i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--size='))?.slice(7)) ?? 'reduced';
const SIZES = {
  reduced: {
    env: { BENCH_SECONDS: '10', BENCH_BASELINE_SECONDS: '5', BENCH_RESIDENTS: '2000', BENCH_SIGNUPS: '2000' },
    rescore: ['--residents', '50000', '--no-report'],
  },
  tiny: {
    env: {
      BENCH_SECONDS: '1',
      BENCH_BASELINE_SECONDS: '1',
      BENCH_RESIDENTS: '30',
      BENCH_SIGNUPS: '30',
      BENCH_CONNECTIONS: '4',
      BENCH_STRICT: '1',
    },
    rescore: ['--residents', '300', '--range-size', '100', '--concurrency', '2', '--no-report', '--use-built'],
  },
};
const chosen = SIZES[size];
if (!chosen) {
  console.error(`[bench:all] --size: expected one of ${Object.keys(SIZES).join(', ')}, got ${size}`);
  process.exit(2);
}
const tag = randomBytes(4).toString('hex');
const env = {
  ...process.env,
  ...chosen.env,
  BENCH_RESCORE_DB: `hc_bench_rescore_${tag}`,
  BENCH_QUEUE_PREFIX: `{hcbench${tag}}`,
};
const dist = join(root, 'tools/bench/dist');
const runs = [
  ['scan', [join(dist, 'scan.bench.js')]],
  ['code-fetch', [join(dist, 'code-fetch.bench.js')]],
  ['sign-up', [join(dist, 'sign-up.bench.js')]],
  [
    'rescore',
    [
      join(root, 'tools/bench/src/rescore.mjs'),
      ...chosen.rescore,
      '--port',
      String(20_000 + (parseInt(tag, 16) % 20_000)),
    ],
  ],
];
const failed = [];
const started = Date.now();
for (const [name, args] of runs) {
  console.log(`[bench:all] ${name} (${size})`);
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
console.log(
  `[bench:all] ${runs.length - failed.length} of ${runs.length} benchmarks ran in ${Math.round((Date.now() - started) / 1000)} s` +
    (failed.length ? `; failed: ${failed.join(', ')}` : ''),
);
process.exit(failed.length ? 1 : 0);
