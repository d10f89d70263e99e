import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DataSource } from 'typeorm';

import { AuditChainMonitor } from '../../src/modules/metrics/audit-chain-monitor.service';
import { startMetricsServer } from '../../src/modules/metrics/metrics-server';
import { MetricsService } from '../../src/modules/metrics/metrics.service';
import { checkpointWithDevice, scanId, staffToken } from './checkpoint-fixtures';
import { httpClient } from '../utils/http-client';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { createTestWorker } from '../utils/test-worker';

/** One sample's value from the Prometheus text format, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics on their own port (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let server: Server;
  let metricsUrl: string;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
    ({ t } = ctx);
    expect(await startMetricsServer(t.app, t.config)).toBeNull(); // METRICS_PORT defaults to 0: off
    server = (await startMetricsServer(t.app, {
      ...t.config,
      metrics: { port: await freePort(), host: '127.0.0.1' },
    }))!;
    metricsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  });

  afterAll(async () => {
    server?.close();
    await ctx?.close();
  });

  async function freePort(): Promise<number> {
    const { createServer } = await import('node:net');
    return new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
  }

  const scrape = async () => {
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('is not on the public API port, and answers only GET /metrics on its own', async () => {
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl.replace('/metrics', '/'))).status).toBe(404);
  });

  it('times HTTP requests per route pattern, never per URL', async () => {
    const http = httpClient(t.baseUrl);
    const resident = await ctx.newResident();
    expect((await http.get('/api/v1/me/code', resident.token)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/api/v1/appeals/123456789`)).status).toBe(401);
    const text = await scrape();
    expect(
      sample(text, 'hc_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/me/code',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('123456789');
  });

  it('counts scans admitted and refused, and reports queues, re-scoring, appeals, notifications and the pool', async () => {
    const http = httpClient(t.baseUrl);
    const admin = (await staffToken(t, 'region-admin', '3301')).token;
    const metro = await checkpointWithDevice(http, admin);
    const code = (await http.get('/api/v1/me/code', (await ctx.newResident()).token)).body;
    const scan = (token: string) =>
      http.post(
        `/api/v1/checkpoints/${metro.checkpoint.id}/scans`,
        { token, clientScanId: scanId(), scannedAt: t.clock.now().toISOString() },
        undefined,
        metro.auth,
      );
    const before = await scrape();
    expect((await scan(code.token)).status).toBe(200);
    expect((await scan('not-a-token')).status).toBe(422);
    const after = await scrape();
    const delta = (outcome: string) =>
      (sample(after, 'hc_scans_total', { outcome }) ?? 0) - (sample(before, 'hc_scans_total', { outcome }) ?? 0);
    expect({ admitted: delta('admitted'), refused: delta('refused') }).toEqual({ admitted: 1, refused: 1 });

    for (const queue of ['rescore', 'appeals', 'notifications', 'maintenance'])
      expect({ queue, waiting: sample(after, 'hc_queue_jobs', { queue, state: 'waiting' }) }).toEqual({
        queue,
        waiting: expect.any(Number),
      });
    expect(sample(after, 'hc_rescore_open_runs')).toEqual(expect.any(Number));
    expect(sample(after, 'hc_rescore_oldest_open_run_seconds')).toEqual(expect.any(Number));
    for (const state of ['open', 'due-soon', 'breached']) expect(sample(after, 'hc_appeals', { state })).toBe(0);
    expect(sample(after, 'hc_db_pool_connections', { state: 'limit' })).toBe(t.config.database.poolSize);
    expect(sample(after, 'hc_db_pool_connections', { state: 'open' })).toBeGreaterThan(0);
    expect(after).toContain('# TYPE hc_notifications gauge');
    expect(after).toContain('# TYPE hc_queue_job_duration_seconds histogram');
  });

  // Last in this file: it tampers with the audit log.
  it('the worker exports whether the audit chain verifies, and when it last did', async () => {
    const worker = await createTestWorker(t.config, t.clock);
    try {
      const monitor = worker.app.get(AuditChainMonitor);
      const registry = worker.app.get(MetricsService).registry;
      await monitor.check();
      let text = await registry.metrics();
      expect(sample(text, 'hc_audit_chain_ok')).toBe(1);
      expect(sample(text, 'hc_audit_chain_verified_timestamp_seconds')).toBe(t.clock.now().getTime() / 1000);
      await t.app.get(DataSource).query("UPDATE audit_log SET actor_role = 'system-admin' ORDER BY seq LIMIT 1");
      await monitor.check();
      text = await registry.metrics();
      expect(sample(text, 'hc_audit_chain_ok')).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
