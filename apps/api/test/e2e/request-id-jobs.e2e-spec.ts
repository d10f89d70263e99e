import { addDays, cstDate } from '@healthcode/contracts';
import { bulkResidents } from '@healthcode/seed';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';

import { RESCORE_QUEUE } from '../../src/modules/queue/queue-names.constant';
import { stageImport } from '../utils/authority-imports';
import { seedResidents } from '../utils/rescore-harness';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { createTestWorker, type TestWorker } from '../utils/test-worker';
import { waitForAllJobs } from '../utils/wait-for-all-jobs';

const RESIDENTS = 60;

// Issue #18: logs stay pino JSON with request ids, carried into jobs. A request's id goes into the options of every
// job it enqueues (and of the jobs those jobs enqueue), and every line the worker logs for such a job carries it.
describe('request ids carried into jobs and their worker logs', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let worker: TestWorker;
  let admin: string;
  let approver: string;
  const ids = [...bulkResidents(new Date(), RESIDENTS)].map((r) => r.idNumber);

  beforeAll(async () => {
    // Debug logs for the range jobs' lines; the poll is slowed so the run is dispatched by the request's nudge.
    ctx = await E2eContext.create({ env: { RESCORE_RANGE_SIZE: '20', RESCORE_POLL_MS: '60000', LOG_LEVEL: 'debug' } });
    ({ t } = ctx);
    await seedResidents(t.config, RESIDENTS);
    worker = await createTestWorker(t.config, t.clock);
    admin = (await ctx.newStaff('system-admin', '')).token;
    approver = (await ctx.newStaff('system-admin', '')).token;
  }, 120_000);

  afterAll(() => ctx?.close());

  it('an import approval’s request id is on the jobs it caused and on the worker’s log lines for them', async () => {
    const today = cstDate(new Date());
    const csv = ['id_number,date,status,cleared_date,region', `${ids[0]},${addDays(today, -2)},confirmed,,330106`, ''];
    // Imports are staged: the second staff member's approval is the request that causes the re-score.
    const staged = await stageImport(t, admin, 'cases', csv.join('\n'));
    expect(staged.status).toBe(202);
    const requestId = 'import-req-7f3a9c21';
    const res = await fetch(`${t.baseUrl}/api/v1/admin/imports/${staged.body.id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${approver}`, 'x-request-id': requestId },
    });
    expect(res.status).toBe(200);
    const { runId } = (await res.json()) as { runId: string };
    expect(runId).toEqual(expect.any(String));
    await waitForAllJobs(t.config, t.app.get(DataSource));

    // The nudge the API enqueued, and the range jobs the worker's dispatcher enqueued while running it.
    const queue = worker.app.get<Queue>(getQueueToken(RESCORE_QUEUE), { strict: false });
    const ranges = (await queue.getCompleted()).filter((j) => (j.data as { runId?: string }).runId === runId);
    expect(ranges.length).toBeGreaterThan(0);
    for (const job of ranges) expect(job.opts).toMatchObject({ requestId });

    // In-process, the API and the worker share one root logger: read both captures.
    const lines = (t.logs() + worker.logs())
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const request = lines.find((l) => (l.req as { id?: string } | undefined)?.id === requestId);
    expect(request).toBeDefined();
    // The request line names the path the client asked for (not the path below the middleware's mount point).
    expect(request?.req).toMatchObject({ method: 'POST', path: `/api/v1/admin/imports/${staged.body.id}/approve` });
    const dispatched = lines.filter((l) => l.msg === 'rescore run dispatched' && l.runId === runId);
    expect(dispatched).toEqual([expect.objectContaining({ requestId, queue: RESCORE_QUEUE })]);
    const done = lines.filter((l) => l.msg === 'rescore range done' && l.runId === runId);
    expect(done.length).toBe(ranges.length);
    for (const line of done) expect(line).toMatchObject({ requestId, queue: RESCORE_QUEUE, jobId: expect.any(String) });
  });
});
