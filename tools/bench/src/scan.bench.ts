import type autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';

import { startApi } from './harness/api-process.util';
import { measureBareFastify } from './harness/bare-fastify.util';
import { load } from './harness/load.util';
import { withCpu } from './harness/process-cpu.util';
import { envNumber, report } from './harness/report.util';
import { seedCheckpoint, seedCodes, signTokens, uuidBytes } from './harness/seed.util';

/**
 * Scan throughput: many devices of one checkpoint POST single scans with distinct clientScanIds for
 * BENCH_SECONDS (60). Afterwards some clients retry (a sample of acknowledged scans, and every scan that got
 * no answer), and the stored rows must equal the distinct scans acknowledged: none lost, none twice.
 */
async function main(): Promise<void> {
  const seconds = envNumber('BENCH_SECONDS', 60);
  // Many gates scan at once: each device holds one connection and waits for its answer.
  const connections = envNumber('BENCH_CONNECTIONS', 128);
  const residents = envNumber('BENCH_RESIDENTS', 2000);
  const rate = envNumber('BENCH_RATE', 0);

  const baseline = await measureBareFastify(envNumber('BENCH_BASELINE_SECONDS', 10), connections);
  const api = await startApi();
  try {
    const codes = await seedCodes(api.db, residents);
    const tokens = await signTokens(api.ring, codes);
    const { checkpointId, authorizations } = await seedCheckpoint(api.db, 100);
    const url = `${api.base}/api/v1/checkpoints/${checkpointId}/scans`;
    const run = randomBytes(3).toString('hex');
    const acknowledged = new Set<string>();
    const unanswered = new Set<string>();
    let n = 0;

    const scanRequest = (idFor: () => string) => ({
      method: 'POST',
      path: new URL(url).pathname,
      setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
        const i = n++;
        const id = idFor();
        context.id = id;
        unanswered.add(id);
        return {
          ...req,
          headers: { 'content-type': 'application/json', authorization: authorizations[i % authorizations.length] },
          body: JSON.stringify({
            token: tokens[i % tokens.length],
            clientScanId: id,
            scannedAt: new Date().toISOString(),
          }),
        };
      },
      onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
        const id = context.id as string;
        if (status === 200) {
          acknowledged.add(id);
          unanswered.delete(id);
        }
      },
    });

    let next = 0;
    const main = await withCpu(api.pid, () =>
      load(`POST scans, ${connections} connections${rate ? `, at ${rate}/s` : ''}`, {
        url,
        connections,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [scanRequest(() => `b${run}-${next++}`)],
      }),
    );

    // Clients retry: 5,000 acknowledged scans and every scan that got no 200.
    const retry = [...[...acknowledged].slice(0, 5000), ...unanswered];
    let r = 0;
    const retried = await withCpu(api.pid, () =>
      load(`retry ${retry.length} scans (same clientScanIds)`, {
        url,
        connections: Math.min(connections, 32),
        amount: retry.length,
        requests: [scanRequest(() => retry[r++ % retry.length])],
      }),
    );

    const [[row]] = (await api.db.query(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT client_scan_id) AS d FROM checkpoint_scans WHERE checkpoint_id = ?',
      [uuidBytes(checkpointId)],
    )) as unknown as [{ n: number; d: number }[]];
    const lost = Math.max(0, acknowledged.size - Number(row.n));
    const twice = Number(row.n) - Number(row.d);
    if (lost > 0 || twice > 0) {
      console.error(`[bench] scans lost: ${lost}, stored twice: ${twice}`);
      process.exitCode = 1;
    }
    report('Scan', baseline, [main, retried], {
      'distinct scans acknowledged': acknowledged.size,
      'rows stored': Number(row.n),
      'distinct clientScanIds stored': Number(row.d),
      'scans still unanswered after retry': unanswered.size,
      'lost (acknowledged, not stored)': lost,
      'stored twice': twice,
      'target (≥ 5,000/s for 60 s, p99 ≤ 50 ms)': main.perSecond >= 5000 && main.p99 <= 50 ? 'met' : 'not met',
    });
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
