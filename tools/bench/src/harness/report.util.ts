import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import type { LoadResult } from './load.util';
import { ROOT } from './api-process.util';

/** Prints the run as a markdown block (pasted into docs/benchmarks.md) and keeps the JSON under tools/bench/dist/results. */
export function report(
  name: string,
  baseline: LoadResult,
  results: LoadResult[],
  checks: Record<string, string | number | boolean>,
): void {
  const cpu = (r: LoadResult) =>
    r.cpuMsPerRequest === undefined
      ? '–'
      : `${r.cpuMsPerRequest}${baseline.cpuMsPerRequest ? ` (${(baseline.cpuMsPerRequest / r.cpuMsPerRequest).toFixed(2)}×)` : ''}`;
  const db = (r: LoadResult) => (r.dbCpuMsPerRequest === undefined ? '–' : String(r.dbCpuMsPerRequest));
  const rows = [baseline, ...results].map(
    (r) =>
      `| ${r.label} | ${r.perSecond.toLocaleString('en-US')} | ${(r.perSecond / baseline.perSecond).toFixed(2)}× | ${r.p50} | ${r.p99} | ${r.ok.toLocaleString('en-US')} | ${r.failed} | ${cpu(r)} | ${db(r)} |`,
  );
  const lines = [
    `### ${name} — ${new Date().toISOString()} (${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version})`,
    '',
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    '',
    '| run | ok/s | vs bare Fastify | p50 ms | p99 ms | ok | failed | CPU ms/request (vs bare) | database CPU ms/request |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    ...Object.entries(checks).map(([k, v]) => `- ${k}: ${v}`),
  ];
  console.log(`\n${lines.join('\n')}\n`);
  // BENCH_STRICT (bench:all --size tiny, in npm test): the benchmark must work — every request answered 2xx and
  // at least one per run. It never asserts a time.
  const broken = results.filter((r) => r.failed > 0 || r.ok === 0);
  if (process.env.BENCH_STRICT && broken.length > 0) {
    console.error(`[bench] ${name}: runs with failures: ${broken.map((r) => r.label).join('; ')}`);
    process.exitCode = 1;
  }
  const dir = join(ROOT, 'tools/bench/dist/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name.replace(/\W+/g, '-').toLowerCase()}-latest.json`),
    JSON.stringify({ name, at: new Date().toISOString(), baseline, results, checks }, null, 2),
  );
}

export const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
