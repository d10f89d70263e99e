import { DataSource } from 'typeorm';

import { E2eContext, type E2eResident } from '../utils/e2e-context';
import type { TestStaff } from '../utils/staff.factory';
import type { TestApp } from '../utils/test-app';

describe('hotline lookup by keyed HMAC, with a stated purpose, written to the resident’s access log (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let agent: TestStaff;
  let person: E2eResident;
  const purpose = { kind: 'hotline-call', callRef: 'HC-2020-0042' };
  const accessLog = async () =>
    (await http.get('/api/v1/me/access-log', person.token)).body.items as {
      role: string;
      purpose: string;
      scope: string;
    }[];

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { RATE_LIMIT_STAFF_LOOKUP_PER_MINUTE: '6' } });
    ({ t, http } = ctx);
    agent = await ctx.newStaff('hotline-agent', '33');
    person = await ctx.newResident({ name: '司马光明', phone: '13712340000', homeRegion: '110101' });
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      person.token,
    );
    await http.post('/api/v1/me/check-ins', { healthy: true, temperature: 36.5 }, person.token);
  });
  afterAll(() => ctx?.close());

  it('returns the masked identity and the code exactly as the resident sees it, without the QR token', async () => {
    const res = await http.post('/api/v1/staff/lookup', { idNumber: person.idNumber, purpose }, agent.token);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const record = res.body.items[0];
    expect(record.identity).toEqual({
      name: '司***',
      idType: 'resident-id',
      idNumber: expect.stringMatching(/^3301\*+\d{3}[\dX]$/),
      phone: '137****0000',
      homeRegion: '110101',
      currentRegion: '330106',
    });
    const own = (await http.get('/api/v1/me/code', person.token)).body;
    const { token: _token, tokenExpiresAt: _expires, ...visible } = own;
    expect(record.code).toEqual(visible);
    expect(record.code.token).toBeUndefined();
    expect(record.history).toEqual((await http.get('/api/v1/me/code/history', person.token)).body.items);
    expect(record.declarations).toHaveLength(1);
    expect(
      new Date(record.declarations[0].deleteAt).getTime() - new Date(record.declarations[0].declaredAt).getTime(),
    ).toBe(60 * 86_400_000);
    expect(record.checkIns).toHaveLength(1);
    const text = JSON.stringify(res.body);
    for (const secret of [person.idNumber, '司马光明', '13712340000']) expect(text).not.toContain(secret);
    expect(await accessLog()).toEqual([
      expect.objectContaining({ role: 'hotline-agent', purpose: 'hotline-call:HC-2020-0042', scope: 'record' }),
    ]);
  });

  /** A resident of 330106 with a confirmed case who appealed it: returns their ID number and the appeal's id. */
  async function appellant() {
    const r = await ctx.newCaseResident({}, { daysAgo: 3 });
    const { appealId, number } = await ctx.newAppeal(r);
    return { ...r, appealId, number };
  }

  it('finds by a phone number typed any way, for an appeal the caller may work on, and logs that purpose', async () => {
    const supervisor = await ctx.newStaff('supervisor', '3301');
    const a = await appellant();
    const staffView = await http.get(`/api/v1/appeals/${a.number}`, supervisor.token);
    // The console shows the appeal's reference, so it can be stated as the purpose.
    expect(staffView.body.reference).toBe(a.appealId);
    const res = await http.post(
      '/api/v1/staff/lookup',
      { phone: '+86 138-1234-5678', purpose: { kind: 'appeal', appealId: a.appealId } },
      supervisor.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.purpose).toBe(`appeal:${a.appealId}`);
    const log = (await http.get('/api/v1/me/access-log', a.token)).body.items;
    expect(log[0]).toMatchObject({ role: 'supervisor', purpose: `appeal:${a.appealId}` });
  });

  it('checks a stated appeal: unknown, outside the scope, or about someone else is refused, and nothing is logged', async () => {
    const a = await appellant();
    const b = await appellant();
    const supervisor = await ctx.newStaff('supervisor', '33');
    const beijing = await ctx.newStaff('supervisor', '11');
    const before = (await http.get('/api/v1/me/access-log', b.token)).body.items.length;
    const ask = (who: TestStaff, idNumber: string, appealId: string) =>
      http.post('/api/v1/staff/lookup', { idNumber, purpose: { kind: 'appeal', appealId } }, who.token);

    const invented = await ask(supervisor, a.idNumber, '0190b3c4-0000-7000-8000-00000000abcd');
    expect(invented.status).toBe(403);
    expect(invented.body.message).toContain('appeal you may work on');
    expect((await ask(beijing, a.idNumber, a.appealId)).status).toBe(403);
    // A real appeal used to read someone else: the same answer as a number nobody registered.
    const other = await ask(supervisor, b.idNumber, a.appealId);
    const nobody = await http.post(
      '/api/v1/staff/lookup',
      { phone: '13999999998', purpose: { kind: 'appeal', appealId: a.appealId } },
      supervisor.token,
    );
    expect(other.status).toBe(404);
    expect({ ...other.body, requestId: null }).toEqual({ ...nobody.body, requestId: null });
    expect((await http.get('/api/v1/me/access-log', b.token)).body.items.length).toBe(before);
  });

  it('answers "outside your scope" exactly like "not registered", so registrations cannot be enumerated', async () => {
    const before = (await accessLog()).length;
    const beijing = await ctx.newStaff('hotline-agent', '11');
    const outside = await http.post('/api/v1/staff/lookup', { idNumber: person.idNumber, purpose }, beijing.token);
    const unknown = await http.post('/api/v1/staff/lookup', { phone: '13999999999', purpose }, beijing.token);
    expect(outside.status).toBe(404);
    expect({ ...outside.body, requestId: null }).toEqual({ ...unknown.body, requestId: null });
    expect((await accessLog()).length).toBe(before);
  });

  it('limits lookups per staff member (429 with Retry-After), whatever their outcome', async () => {
    const busy = await ctx.newStaff('hotline-agent', '33');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await http.post('/api/v1/staff/lookup', { phone: `1399999900${i}`, purpose }, busy.token)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 429]);
    const limited = await http.post('/api/v1/staff/lookup', { idNumber: person.idNumber, purpose }, busy.token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another staff member is not slowed down.
    expect((await http.post('/api/v1/staff/lookup', { idNumber: person.idNumber, purpose }, agent.token)).status).toBe(
      200,
    );
  });

  it('audits every lookup, found or not, without the number', async () => {
    const auditee = await ctx.newStaff('hotline-agent', '33');
    const hotline = { kind: 'hotline-call', callRef: '13712340000' };
    expect(
      (await http.post('/api/v1/staff/lookup', { idNumber: person.idNumber, purpose: hotline }, auditee.token)).status,
    ).toBe(200);
    expect((await http.post('/api/v1/staff/lookup', { phone: '13999999997', purpose }, auditee.token)).status).toBe(
      404,
    );
    const rows: { details: { by: string; results: number } }[] = await t.app
      .get(DataSource)
      .query(`SELECT details FROM audit_log WHERE action = 'staff.lookup' AND actor_id = UNHEX(REPLACE(?, '-', ''))`, [
        auditee.id,
      ]);
    expect(rows).toHaveLength(2);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(person.idNumber);
    expect(dump).not.toContain('13712340000');
    expect(rows.map((r) => r.details.results).sort()).toEqual([0, 1]);
  });

  it('demands a purpose and exactly one number, and never echoes a number in an error', async () => {
    const cases = [
      { idNumber: person.idNumber },
      { idNumber: person.idNumber, purpose: { kind: 'hotline-call', callRef: 'x' } },
      { idNumber: person.idNumber, phone: '13712340000', purpose },
      { purpose },
      { idNumber: `${person.idNumber.slice(0, 17)}${person.idNumber.endsWith('0') ? '1' : '0'}`, purpose },
      { idNumber: person.idNumber, purpose, note: 'extra' },
    ];
    for (const body of cases) {
      const res = await http.post('/api/v1/staff/lookup', body, agent.token);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain(person.idNumber.slice(0, 17));
      expect(JSON.stringify(res.body)).not.toContain('13712340000');
    }
  });

  it('matches on the HMAC column: the stored row holds no plain number', async () => {
    const rows = await t.app.get(DataSource).query('SELECT * FROM residents WHERE consent_version IS NOT NULL');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(person.idNumber);
    expect(dump).not.toContain('13712340000');
  });
});
