import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
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
  const rows = [baseline, ...results].map(
    (r) =>
      `| ${r.label} | ${r.perSecond.toLocaleString('en-US')} | ${(r.perSecond / baseline.perSecond).toFixed(2)}× | ${r.p50} | ${r.p99} | ${r.ok.toLocaleString('en-US')} | ${r.failed} |`,
  );
  const lines = [
    `### ${name} — ${new Date().toISOString()} (${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version})`,
    '',
    '| run | ok/s | vs bare Fastify | p50 ms | p99 ms | ok | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    ...Object.entries(checks).map(([k, v]) => `- ${k}: ${v}`),
  ];
  console.log(`\n${lines.join('\n')}\n`);
  const dir = join(ROOT, 'tools/bench/dist/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name.replace(/\W+/g, '-').toLowerCase()}-latest.json`),
    JSON.stringify({ name, at: new Date().toISOString(), baseline, results, checks }, null, 2),
  );
}

export const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
