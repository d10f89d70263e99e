import { cstDate } from '@healthcode/contracts';

import { E2eContext } from '../utils/e2e-context';

/** A check-in reporting fever or a listed symptom is a self-declared symptom: it changes the colour, with a reason. */
describe('check-ins that report symptoms (e2e)', () => {
  let ctx: E2eContext;
  let http: E2eContext['http'];

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { LOG_LEVEL: 'warn' } });
    ({ http } = ctx);
    await ctx.startWorker();
  }, 120_000);

  afterAll(() => ctx?.close());

  const code = async (token: string) => (await http.get('/api/v1/me/code', token)).body;

  it('turns yellow on a feverish check-in, shows why, and stays so after a bulk re-score', async () => {
    const feverish = await ctx.newResident();
    const tired = await ctx.newResident();
    expect(
      (await http.post('/api/v1/me/check-ins', { healthy: false, temperature: 38.4 }, feverish.token)).status,
    ).toBe(201);
    expect(
      (await http.post('/api/v1/me/check-ins', { healthy: false, symptoms: ['fatigue'] }, tired.token)).status,
    ).toBe(201);

    const after = await code(feverish.token);
    expect(after.color).toBe('yellow');
    const reason = after.reasons.find((r: { ruleId: string }) => r.ruleId === 'symptoms');
    expect(reason.fact).toMatchObject({ source: 'self-declared', kind: 'symptom', symptom: 'fever' });
    expect(reason.since).toBe(cstDate(new Date()));
    expect(reason.text.en.length).toBeGreaterThan(5);
    // Fatigue is not among the symptoms the rule lists.
    expect((await code(tired.token)).color).toBe('green');

    // The worker's range path reads the same check-ins: a re-score of everyone keeps the colour.
    const admin = (await ctx.newStaff('system-admin', '')).token;
    const set = await http.post(
      '/api/v1/admin/risk-levels',
      { levels: [{ region: '650102', level: 'medium', effectiveFrom: cstDate(new Date()) }] },
      admin,
    );
    expect(set.status).toBe(201);
    await ctx.waitForJobs();
    const run = await http.get(`/api/v1/rescore/runs/${set.body.runId}`, admin);
    expect(run.body).toMatchObject({ state: 'finished' });
    expect(run.body.done).toBeGreaterThanOrEqual(2);
    expect((await code(feverish.token)).color).toBe('yellow');
  });
});
