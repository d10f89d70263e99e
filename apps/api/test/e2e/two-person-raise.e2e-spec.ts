import { addDays, cstDate } from '@healthcode/contracts';

import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/** Every change of colour by staff takes two people: a raise waits for a supervisor, over HTTP. */
describe('two-person raise (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  const today = cstDate(new Date());

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { LOG_LEVEL: 'warn' } });
    ({ t, http } = ctx);
  });
  afterAll(() => ctx?.close());

  const fileAppeal = async (token: string) => {
    const form = new FormData();
    const fields = { ruleId: 'symptoms', factKind: 'symptom', category: 'other', statement: 'Please look again.' };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const res = await fetch(`${t.baseUrl}/api/v1/me/appeals`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { number: number };
    expect(res.status).toBe(201);
    return body.number;
  };
  const color = async (token: string) => (await http.get('/api/v1/me/code', token)).body.color as string;

  it('a hotline agent’s raise to red changes nothing until a second person approves it', async () => {
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const resident = await ctx.newResident();
    expect(
      (await http.post('/api/v1/me/check-ins', { healthy: false, temperature: 38.5 }, resident.token)).status,
    ).toBe(201);
    expect(await color(resident.token)).toBe('yellow');
    const n = await fileAppeal(resident.token);
    expect((await http.post(`/api/v1/appeals/${n}/review`, {}, agent.token)).status).toBe(200);

    const decided = await http.post(
      `/api/v1/appeals/${n}/decision`,
      {
        outcome: 'corrected',
        reason: 'Confirmed by the clinic by phone.',
        override: { color: 'red', until: addDays(today, 90) },
      },
      agent.token,
    );
    expect(decided).toMatchObject({ status: 200, body: { decision: { approval: 'pending' } } });
    expect(await color(resident.token)).toBe('yellow');

    // The agent cannot approve it; a supervisor can, and only then is the resident red.
    expect((await http.post(`/api/v1/appeals/${n}/approval`, { approve: true }, agent.token)).status).toBe(403);
    const approved = await http.post(`/api/v1/appeals/${n}/approval`, { approve: true }, supervisor.token);
    expect(approved).toMatchObject({ status: 200, body: { decision: { approval: 'approved' } } });
    expect(await color(resident.token)).toBe('red');
  });

  it('an emergency raise applies at once and ends at once when the second person refuses it', async () => {
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const resident = await ctx.newResident();
    await http.post('/api/v1/me/check-ins', { healthy: false, symptoms: ['cough'] }, resident.token);
    const n = await fileAppeal(resident.token);
    await http.post(`/api/v1/appeals/${n}/review`, {}, agent.token);
    const decided = await http.post(
      `/api/v1/appeals/${n}/decision`,
      {
        outcome: 'corrected',
        reason: 'Exposure reported by the clinic; pending confirmation.',
        override: { color: 'red', until: addDays(today, 30) },
        emergency: true,
      },
      agent.token,
    );
    expect(decided.status).toBe(200);
    expect(await color(resident.token)).toBe('red');
    expect((await http.post(`/api/v1/appeals/${n}/approval`, { approve: false }, supervisor.token)).status).toBe(200);
    expect(await color(resident.token)).toBe('yellow');
  });
});
