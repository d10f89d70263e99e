import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Responses by HTTP status, to tell refusals (4xx) from failures (5xx). */
  statuses: Record<string, number>;
  /** CPU milliseconds the measured server process spent per successful request, when measured (`withCpu`). */
  cpuMsPerRequest?: number;
  /** CPU milliseconds the local database server spent per successful request meanwhile, when measured. */
  dbCpuMsPerRequest?: number;
}

/** Runs autocannon and reduces its result to what the report needs (latencies in ms). */
export async function load(label: string, options: autocannon.Options): Promise<LoadResult> {
  const started = Date.now();
  // Until the last response, not until autocannon returns: a run of a fixed `amount` ends on its next whole-second
  // tick, so a 10,000-request run of 7.4 s took 8 s to return (and autocannon's own `duration` said 7).
  let lastResponse = started;
  const instance = autocannon({ pipelining: 1, timeout: 10, ...options });
  instance.on('response', () => {
    lastResponse = Date.now();
  });
  const r = await instance;
  const seconds = (lastResponse - started) / 1000;
  const requests = r['2xx'] + r.non2xx + r.errors + r.timeouts;
  const result = {
    label,
    requests,
    ok: r['2xx'],
    failed: r.non2xx + r.errors + r.timeouts,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(r['2xx'] / Math.max(seconds, 0.001)),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    statuses: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  };
  console.log(
    `[bench] ${label}: ${result.perSecond}/s ok, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.ok} ok / ${result.failed} failed in ${result.seconds} s, statuses ${JSON.stringify(result.statuses)}`,
  );
  return result;
}
