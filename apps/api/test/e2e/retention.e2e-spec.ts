import { DataSource } from 'typeorm';

import { RETENTION_PURGE_JOB } from '../../src/modules/retention/retention-queue.constant';
import { ResidentDataRegistry } from '../../src/modules/resident-data/resident-data.registry';
import type { PurgeReport } from '../../src/modules/retention/retention.service';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { createTestWorker, type TestWorker } from '../utils/test-worker';

const DAY = 86_400_000;

describe('retention: residents see deletion dates, the worker purges on schedule (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let w: TestWorker;
  let http: E2eContext['http'];
  let db: DataSource;
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    // Periods differ from the defaults to show they come from the environment.
    ctx = await E2eContext.create({
      env: {
        RETENTION_DECLARATION_DAYS: '45',
        RETENTION_SCAN_DAYS: '21',
        RETENTION_APPEAL_DAYS: '90',
        RETENTION_PURGE_EVERY_MINUTES: '30',
      },
    });
    ({ t, db, http } = ctx);
    w = await createTestWorker(t.config, t.clock);
  });
  afterAll(async () => {
    await w?.close();
    await ctx?.close();
  });

  it('schedules the purge as a repeatable job in the worker', async () => {
    const repeatable = await w.maintenance.getRepeatableJobs();
    expect(repeatable).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: RETENTION_PURGE_JOB, every: 30 * 60_000 })]),
    );
  });

  it('shows each record with its deletion date, purges nothing early and everything on time, and audits the purge', async () => {
    // The consent text states the retention periods, so this app's (45/21/90 days) has its own version.
    const consent = (await http.get('/api/v1/consent')).body as { version: string };
    const { token } = await ctx.newResident({ consentVersion: consent.version });
    const declared = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      token,
    );
    expect(declared.status).toBe(201);
    expect((await http.post('/api/v1/me/check-ins', { healthy: true }, token)).status).toBe(201);

    const summary = await http.get('/api/v1/me/retention', token);
    expect(summary.status).toBe(200);
    expect(summary.body.policy).toEqual({ checkpointScans: 21, declarations: 45, closedAppeals: 90 });
    const kinds = summary.body.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['declarations', 'check-ins']));
    const declaration = summary.body.items.find((i: { kind: string; id: string }) => i.kind === 'declarations');
    expect(declaration.id).toBe(declared.body.id);
    expect(new Date(declaration.deleteAt).getTime() - new Date(declaration.at).getTime()).toBe(45 * DAY);

    const before = { d: await count('declarations'), c: await count('check_ins') };
    t.clock.set(new Date(new Date(declaration.at).getTime() + 44 * DAY));
    await w.run<PurgeReport>(RETENTION_PURGE_JOB);
    expect({ d: await count('declarations'), c: await count('check_ins') }).toEqual(before);

    t.clock.set(new Date(new Date(declaration.deleteAt).getTime() + 60_000));
    const report = await w.run<PurgeReport>(RETENTION_PURGE_JOB);
    expect(report.purged.declarations).toBeGreaterThanOrEqual(1);
    expect(report.purged['check-ins']).toBeGreaterThanOrEqual(1);
    expect(await count('declarations')).toBe(0);
    expect(await count('check_ins')).toBe(0);
    expect(
      (await http.get('/api/v1/me/retention', token)).body.items.filter((i: { kind: string }) =>
        ['declarations', 'check-ins'].includes(i.kind),
      ),
    ).toEqual([]);
    const audit = await db.query("SELECT details FROM audit_log WHERE action = 'retention.purged'");
    expect(audit).toHaveLength(1);
  });

  it('runs every registered purger with its own period (scans and appeals register theirs the same way)', async () => {
    const cutoffs: Date[] = [];
    w.app.get(ResidentDataRegistry).registerRetention({
      kind: 'test-closed-appeals',
      retentionDays: () => t.config.retention.appealDays,
      purge: async (cutoff) => (cutoffs.push(cutoff), 3),
    });
    const report = await w.run<PurgeReport>(RETENTION_PURGE_JOB);
    expect(report.purged['test-closed-appeals']).toBe(3);
    expect(t.clock.now().getTime() - cutoffs[0].getTime()).toBe(90 * DAY);
  });

  it('keeps purging the other kinds when one fails, and lets Bull retry', async () => {
    w.app.get(ResidentDataRegistry).registerRetention({
      kind: 'test-broken',
      retentionDays: () => 1,
      purge: async () => Promise.reject(new Error('disk on fire')),
    });
    await expect(w.run(RETENTION_PURGE_JOB)).rejects.toThrow(/test-broken/);
  });
});
