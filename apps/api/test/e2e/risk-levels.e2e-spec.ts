import { cstDate } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/**
 * Region risk levels: for any day the latest decision wins, so a district lowered on the day it was raised is
 * low that day; a mistaken decision is retracted, kept in the history, and everyone is re-scored.
 */
describe('region risk levels: same-day lowering and retraction (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let db: DataSource;
  let http: E2eContext['http'];
  let admin: string;
  const today = cstDate(new Date());

  const setLevel = async (level: string, token = admin) => {
    const res = await http.post(
      '/api/v1/admin/risk-levels',
      { levels: [{ region: '330106', level, effectiveFrom: today }] },
      token,
    );
    await ctx.waitForJobs();
    return res;
  };

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { LOG_LEVEL: 'warn' } });
    ({ t, db, http } = ctx);
    await ctx.startWorker();
    admin = (await ctx.newStaff('system-admin', '')).token;
  }, 120_000);

  afterAll(() => ctx?.close());

  it('lowers a district on the same effective day, and a retraction brings the raise back', async () => {
    const resident = await ctx.newResident();
    const declared = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [{ region: '330106', from: today, to: today }] },
      resident.token,
    );
    expect(declared.status).toBe(201);
    expect(await ctx.color(resident.token)).toBe('green');

    const raise = await setLevel('high');
    expect(raise.status).toBe(201);
    expect(await ctx.color(resident.token)).toBe('red');

    const lowering = await setLevel('low');
    expect(lowering.status).toBe(201);
    expect(await ctx.color(resident.token)).toBe('green');

    const history = (await http.get('/api/v1/admin/risk-levels?region=330106', admin)).body.items;
    expect(history.map((l: { level: string }) => l.level).sort()).toEqual(['high', 'low']);

    const retracted = await http.post(
      `/api/v1/admin/risk-levels/${lowering.body.levels[0].id}/retract`,
      { reason: 'lowered the wrong district' },
      admin,
    );
    expect(retracted.status).toBe(200);
    expect(retracted.body).toMatchObject({
      level: { level: 'low', retractedAt: expect.any(String), retractReason: 'lowered the wrong district' },
      runId: expect.any(String),
    });
    await ctx.waitForJobs();
    expect(await ctx.color(resident.token)).toBe('red');
    const after = (await http.get('/api/v1/admin/risk-levels?region=330106', admin)).body.items;
    expect(after).toHaveLength(2);
    expect(after.find((l: { level: string }) => l.level === 'low').retractReason).toBe('lowered the wrong district');
  });

  it('refuses a second retraction, an unknown id, a missing reason and a region outside the scope', async () => {
    const set = await setLevel('medium');
    const id = set.body.levels[0].id as string;
    const elsewhere = (await ctx.newStaff('region-admin', '42')).token;
    const out = await http.post(`/api/v1/admin/risk-levels/${id}/retract`, { reason: 'not ours to say' }, elsewhere);
    expect(out.status).toBe(403);
    expect(out.body.code).toBe('OUT_OF_SCOPE');
    const short = await http.post(`/api/v1/admin/risk-levels/${id}/retract`, { reason: 'no' }, admin);
    expect(short.status).toBe(400);
    const unknown = await http.post(
      '/api/v1/admin/risk-levels/0190f5a0-0000-7000-8000-000000000000/retract',
      { reason: 'a mistake' },
      admin,
    );
    expect(unknown.status).toBe(404);
    expect((await http.post(`/api/v1/admin/risk-levels/${id}/retract`, { reason: 'a mistake' }, admin)).status).toBe(
      200,
    );
    const again = await http.post(`/api/v1/admin/risk-levels/${id}/retract`, { reason: 'a mistake' }, admin);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('checks a risk-level CSV before publishing: valid and refused rows, a preview of the affected residents, nothing set', async () => {
    const resident = await ctx.newResident();
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330102', stays: [{ region: '330102', from: today, to: today }] },
      resident.token,
    );
    await ctx.waitForJobs();
    const before = await ctx.color(resident.token);
    const levelsBefore = Number((await db.query('SELECT COUNT(*) AS n FROM region_risk_levels'))[0].n);
    const regional = (await ctx.newStaff('region-admin', '3301')).token;
    const form = new FormData();
    const csv = `region,level,effective_from\n330102,high,${today}\n420103,high,${today}\n330102,extreme,${today}\n`;
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'levels.csv');
    const res = await fetch(`${t.baseUrl}/api/v1/admin/risk-levels/import/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${regional}` },
      body: form,
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.levels).toEqual([{ region: '330102', level: 'high', effectiveFrom: today }]);
    expect(body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(body.previewRunId).toEqual(expect.any(String));
    await ctx.waitForJobs();
    const run = await http.get(`/api/v1/rescore/runs/${body.previewRunId}`, regional);
    expect(run.body).toMatchObject({ kind: 'preview', state: 'finished' });
    expect(run.body.preview.transitions).toContainEqual({ from: before, to: 'red', count: expect.any(Number) });
    // Nothing was set and nobody re-scored for real.
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM region_risk_levels'))[0].n)).toBe(levelsBefore);
    expect(await ctx.color(resident.token)).toBe(before);
  });
});
