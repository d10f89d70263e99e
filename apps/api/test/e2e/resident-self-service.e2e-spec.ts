import { addDays, cstDate } from '@healthcode/contracts';

import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/** What a resident does for themselves through the mini-program: read all their declarations, delete their data. */
describe('resident self-service (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t, http } = ctx);
  });
  afterAll(() => ctx?.close());

  const raw = (method: string, path: string, token: string, headers: Record<string, string>, body?: string) =>
    fetch(`${t.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...headers }, body });

  it('lists every retained declaration of the resident, newest first, and none of anyone else', async () => {
    const me = await ctx.newResident();
    const other = await ctx.newResident();
    const today = cstDate(t.clock.now());
    const first = {
      currentRegion: '330106',
      stays: [{ region: '310101', from: addDays(today, -5), to: addDays(today, -4) }],
    };
    const second = { currentRegion: '110101', symptoms: [{ symptom: 'cough', onset: today }] };
    expect((await http.post('/api/v1/me/declarations', first, me.token)).status).toBe(201);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    expect((await http.post('/api/v1/me/declarations', second, me.token)).status).toBe(201);
    expect((await http.post('/api/v1/me/declarations', first, other.token)).status).toBe(201);

    const mine = await http.get('/api/v1/me/declarations', me.token);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.items[0]).toMatchObject({
      currentRegion: '110101',
      symptoms: [{ symptom: 'cough', onset: today }],
    });
    expect(mine.body.items[1]).toMatchObject({ currentRegion: '330106', stays: first.stays, contactDate: null });
    expect((await http.get('/api/v1/me/declarations')).status).toBe(401);
  });

  it('deletes the account on a DELETE that carries a JSON content type and no body (as mini-program hosts send it)', async () => {
    const me = await ctx.newResident();
    const res = await raw('DELETE', '/api/v1/me', me.token, { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ receiptId: expect.any(String), digest: expect.any(String) });
    // Erased, and the session with it.
    expect((await http.get('/api/v1/me/profile', me.token)).status).toBe(401);
  });

  it('still refuses an empty JSON body where a body is expected, and malformed JSON on DELETE', async () => {
    const me = await ctx.newResident();
    const empty = await raw('POST', '/api/v1/me/declarations', me.token, { 'content-type': 'application/json' }, '');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const broken = await raw('DELETE', '/api/v1/me', me.token, { 'content-type': 'application/json' }, '{"a":');
    expect(broken.status).toBe(400);
    expect((await http.get('/api/v1/me/profile', me.token)).status).toBe(200);
  });
});
