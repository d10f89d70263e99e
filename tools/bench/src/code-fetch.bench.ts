import type autocannon from 'autocannon';
import { startApi } from './harness/api-process.util';
import { measureBareFastify } from './harness/bare-fastify.util';
import { load } from './harness/load.util';
import { withCpu } from './harness/process-cpu.util';
import { envNumber, report } from './harness/report.util';
import { residentSession, seedCodes } from './harness/seed.util';

/**
 * `GET /api/v1/me/code` for many residents, each with their own session. The signer caches a signed token
 * per code state until a minute before it expires, so most fetches do not sign.
 */
async function main(): Promise<void> {
  const seconds = envNumber('BENCH_SECONDS', 30);
  const connections = envNumber('BENCH_CONNECTIONS', 64);
  const residents = envNumber('BENCH_RESIDENTS', 5000);

  const baseline = await measureBareFastify(envNumber('BENCH_BASELINE_SECONDS', 10), connections);
  const api = await startApi();
  try {
    const codes = await seedCodes(api.db, residents);
    const sessions = await Promise.all(codes.map((c) => residentSession(api.sessionSecret, c.residentId)));
    let n = 0;
    const fetchRequest = {
      method: 'GET',
      path: '/api/v1/me/code',
      setupRequest: (req: autocannon.Request) => ({
        ...req,
        headers: { authorization: `Bearer ${sessions[n++ % sessions.length]}` },
      }),
    };
    const first = await withCpu(api.pid, () =>
      load(`GET /me/code, first fetch of ${residents} residents (signs)`, {
        url: api.base,
        connections,
        amount: residents,
        requests: [fetchRequest],
      }),
    );
    const main = await withCpu(api.pid, () =>
      load(`GET /me/code, ${connections} connections, ${residents} residents (cached tokens)`, {
        url: api.base,
        connections,
        duration: seconds,
        requests: [fetchRequest],
      }),
    );
    report('Code fetch', baseline, [first, main], {
      'ratio to bare Fastify (target ≥ 0.5)': (main.perSecond / baseline.perSecond).toFixed(2),
      'target (≥ 0.5× bare Fastify, p99 ≤ 20 ms)':
        main.perSecond >= 0.5 * baseline.perSecond && main.p99 <= 20 ? 'met' : 'not met',
    });
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
