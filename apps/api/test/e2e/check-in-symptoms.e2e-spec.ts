import { cstDate } from '@healthcode/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { httpClient } from '../utils/http-client';
import { startInProcessWorker } from '../utils/rescore-harness';
import { newResident } from '../utils/resident.factory';
import { newStaff } from '../utils/staff.factory';
import { createTestApp, type TestApp } from '../utils/test-app';
import { waitForAllJobs } from '../utils/wait-for-all-jobs';

/** A check-in reporting fever or a listed symptom is a self-declared symptom: it changes the colour, with a reason. */
describe('check-ins that report symptoms (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'warn' } });
    db = t.app.get(DataSource);
    http = httpClient(t.baseUrl);
    worker = await startInProcessWorker(t.config);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const code = async (token: string) => (await http.get('/api/v1/me/code', token)).body;

  it('turns yellow on a feverish check-in, shows why, and stays so after a bulk re-score', async () => {
    const feverish = await newResident(http);
    const tired = await newResident(http);
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
    const admin = (await newStaff(t, 'system-admin', '')).token;
    const set = await http.post(
      '/api/v1/admin/risk-levels',
      { levels: [{ region: '650102', level: 'medium', effectiveFrom: cstDate(new Date()) }] },
      admin,
    );
    expect(set.status).toBe(201);
    await waitForAllJobs(t.config, db);
    const run = await http.get(`/api/v1/rescore/runs/${set.body.runId}`, admin);
    expect(run.body).toMatchObject({ state: 'finished' });
    expect(run.body.done).toBeGreaterThanOrEqual(2);
    expect((await code(feverish.token)).color).toBe('yellow');
  });
});
