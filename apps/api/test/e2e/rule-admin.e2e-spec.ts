import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { DataSource } from 'typeorm';

import { compareWithReference, seedResidents } from '../utils/rescore-harness';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { waitForRun } from '../utils/wait-for-all-jobs';

const RESIDENTS = 600;

/** The default rules, except that being in a medium-risk region today counts (flips Hangzhou's ~30% to yellow). */
function flippedDefinition() {
  return {
    ...DEFAULT_RULE_SET,
    version: 2,
    rules: DEFAULT_RULE_SET.rules.map((r) =>
      r.id === 'medium-risk-region' ? { ...r, params: { ...r.params, includeCurrentRegion: true } } : r,
    ),
  };
}

const changelog = { 'zh-CN': '中风险地区的当前所在地也计入。', en: 'Being in a medium-risk region today counts too.' };

describe('rule administration: draft → preview → publish, re-scored in bulk', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { RESCORE_RANGE_SIZE: '100', RESCORE_POLL_MS: '100', LOG_LEVEL: 'warn' } });
    ({ t, db, http } = ctx);
    await seedResidents(t.config, RESIDENTS);
    await ctx.startWorker();
    admin = (await ctx.newStaff('system-admin', '')).token;
  }, 120_000);

  afterAll(() => ctx?.close());

  const codesChecksum = async () =>
    (
      (await db.query(
        'SELECT COUNT(*) AS n, SUM(CRC32(CONCAT(color, reasons, code_version))) AS c FROM resident_codes',
      )) as { n: string; c: string }[]
    )[0];

  it('keeps public colour statistics per region from the counters', async () => {
    const res = await http.get('/api/v1/stats/colors?region=33');
    expect(res.status).toBe(200);
    const total = res.body.counts.green + res.body.counts.yellow + res.body.counts.red;
    expect(total).toBeGreaterThan(100);
    expect(res.body.children.map((c: { region: string }) => c.region)).toContain('3301');
    expect(res.body.trend).toHaveLength(14);
    expect(res.body.trend[13]).toEqual({ date: expect.any(String), ...res.body.counts });
    expect((await http.get('/api/v1/stats/colors?region=3')).status).toBe(400);
  });

  let draftId = '';
  it('creates a draft, enforces the region scope of regional admins in the service', async () => {
    const created = await http.post('/api/v1/admin/rule-sets', { definition: flippedDefinition(), changelog }, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: null, changelog });
    draftId = created.body.id;

    const regional = (await ctx.newStaff('region-admin', '3301')).token;
    const patch = { rules: { symptoms: { checkInsRequired: 5 } } };
    expect((await http.put(`/api/v1/admin/rule-sets/${draftId}/overrides/330106`, patch, regional)).status).toBe(200);
    const outside = await http.put(`/api/v1/admin/rule-sets/${draftId}/overrides/3302`, patch, regional);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('OUT_OF_SCOPE');
    const broader = await http.put(`/api/v1/admin/rule-sets/${draftId}/overrides/33`, patch, regional);
    expect(broader.status).toBe(403);
    // Smuggling a base-rule change through a whole-draft update is refused too.
    const current = (await http.get(`/api/v1/admin/rule-sets/${draftId}`, admin)).body;
    const smuggled = { ...current.definition, rules: current.definition.rules.slice(1) };
    const update = await http.put(`/api/v1/admin/rule-sets/${draftId}`, { definition: smuggled, changelog }, regional);
    expect(update.status).toBe(403);
    expect(update.body.errors).toEqual([{ path: 'definition.rules', message: 'Outside your region scope' }]);
    // Invalid definitions are refused with the engine's field paths.
    const invalid = await http.post(
      '/api/v1/admin/rule-sets',
      { definition: { version: 2, rules: 'x' }, changelog },
      admin,
    );
    expect(invalid.status).toBe(400);
    // Publishing straight from draft is an illegal transition.
    expect((await http.post(`/api/v1/admin/rule-sets/${draftId}/publish`, undefined, admin)).status).toBe(409);
    // Checkpoint staff may not touch rules at all.
    expect(
      (await http.get('/api/v1/admin/rule-sets', (await ctx.newStaff('checkpoint-operator', '')).token)).status,
    ).toBe(403);
  });

  let previewChanged = 0;
  it('previews the draft as a job: transitions, top regions and pseudonymised samples, nothing written', async () => {
    const before = await codesChecksum();
    const res = await http.post(`/api/v1/admin/rule-sets/${draftId}/preview`, undefined, admin);
    expect(res.status).toBe(202);
    expect(res.body.ruleSet.status).toBe('preview');
    await waitForRun(db, res.body.runId);
    const run = await http.get(`/api/v1/rescore/runs/${res.body.runId}`, admin);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      kind: 'preview',
      state: 'finished',
      total: RESIDENTS,
      done: RESIDENTS,
      etaSeconds: 0,
    });
    const preview = run.body.preview;
    expect(preview.transitions).toContainEqual({ from: 'green', to: 'yellow', count: expect.any(Number) });
    expect(preview.changed).toBeGreaterThan(RESIDENTS * 0.15);
    expect(preview.regions.length).toBeGreaterThan(0);
    expect(preview.regions.length).toBeLessThanOrEqual(20);
    expect(preview.regions[0].region).toMatch(/^3301/);
    expect(preview.samples).toHaveLength(20);
    for (const s of preview.samples)
      expect(Object.keys(s).sort()).toEqual(['from', 'greenAt', 'pseudonym', 'region', 'ruleIds', 'to']);
    previewChanged = preview.changed;
    expect(await codesChecksum()).toEqual(before);
  });

  it('publishes in one transaction with an outbox row; workers re-score everyone exactly as a fresh evaluation', async () => {
    const res = await http.post(`/api/v1/admin/rule-sets/${draftId}/publish`, undefined, admin);
    expect(res.status).toBe(202);
    expect(res.body.ruleSet).toMatchObject({ status: 'published', version: 2 });
    await waitForRun(db, res.body.runId);
    await ctx.waitForJobs();
    const run = (await http.get(`/api/v1/rescore/runs/${res.body.runId}`, admin)).body;
    expect(run).toMatchObject({
      kind: 'publish',
      causeRef: 'rules:2',
      state: 'finished',
      done: RESIDENTS,
      total: RESIDENTS,
    });
    expect(run.rate).toBeGreaterThan(0);

    const report = await compareWithReference(t.app);
    expect(report).toEqual({
      residents: RESIDENTS,
      wrong: [],
      missing: [],
      counterMismatches: [],
      duplicateHistory: 0,
    });
    const [{ n }] = await db.query(
      "SELECT COUNT(*) AS n FROM code_history WHERE cause = 'rules-published' AND cause_ref = 'rules:2'",
    );
    // Only residents whose colour, reasons or greenAt changed get a row: at least every colour change.
    expect(Number(n)).toBeGreaterThanOrEqual(previewChanged);
    expect(Number(n)).toBeLessThan(RESIDENTS);

    const audited: { action: string }[] = await db.query(
      "SELECT action FROM audit_log WHERE target_type = 'rule-set' ORDER BY seq",
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['rules.draft-created', 'rules.override-set', 'rules.previewed', 'rules.published']),
    );

    const stats = (await http.get('/api/v1/stats/colors?region=3301')).body;
    expect(stats.counts.yellow).toBeGreaterThan(previewChanged * 0.9);
  });

  it('never changes a published version', async () => {
    const put = await http.put(
      `/api/v1/admin/rule-sets/${draftId}`,
      { definition: flippedDefinition(), changelog },
      admin,
    );
    expect(put.status).toBe(409);
    expect(put.body.code).toBe('ILLEGAL_TRANSITION');
    expect((await http.post(`/api/v1/admin/rule-sets/${draftId}/publish`, undefined, admin)).status).toBe(409);
    const publicLog = await http.get('/api/v1/rules/changelog');
    expect(publicLog.body.items[0]).toMatchObject({ version: 2, changelog });
  });

  it('sets region risk levels through the API and by CSV, keeping history and re-scoring', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const set = await http.post(
      '/api/v1/admin/risk-levels',
      { levels: [{ region: '330106', level: 'high', effectiveFrom: today }] },
      admin,
    );
    expect(set.status).toBe(201);
    expect(set.body.runId).toEqual(expect.any(String));
    const regional = (await ctx.newStaff('region-admin', '3301')).token;
    expect(
      (
        await http.post(
          '/api/v1/admin/risk-levels',
          { levels: [{ region: '420103', level: 'low', effectiveFrom: today }] },
          regional,
        )
      ).status,
    ).toBe(403);

    const csv = `region,level,effective_from\n330108,high,${today}\n999999,high,${today}\n330110,extreme,${today}\n`;
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'levels.csv');
    const res = await fetch(`${t.baseUrl}/api/v1/admin/risk-levels/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${regional}` },
      body: form,
    });
    const body = (await res.json()) as { levels: unknown[]; errors: unknown[] };
    expect(res.status).toBe(201);
    expect(body.levels).toHaveLength(1);
    expect(body.errors).toEqual([
      { line: 3, field: 'region', message: expect.any(String) },
      { line: 4, field: 'level', message: "One of 'low', 'medium', 'high'" },
    ]);
    await ctx.waitForJobs();
    const history = await http.get('/api/v1/admin/risk-levels?region=3301', admin);
    expect(history.body.items.map((l: { region: string }) => l.region)).toEqual(
      expect.arrayContaining(['330106', '330108', '3301']),
    );
    const report = await compareWithReference(t.app);
    expect(report).toEqual({
      residents: RESIDENTS,
      wrong: [],
      missing: [],
      counterMismatches: [],
      duplicateHistory: 0,
    });
    const [{ n }] = await db.query("SELECT COUNT(*) AS n FROM code_history WHERE cause = 'risk-changed'");
    expect(Number(n)).toBeGreaterThan(0);
  });
});
