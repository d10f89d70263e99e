import { DataSource } from 'typeorm';

import { httpClient } from '../utils/http-client';
import { newResident } from '../utils/resident.factory';
import { newStaff, type TestStaff } from '../utils/staff.factory';
import { createTestApp, type TestApp } from '../utils/test-app';

describe('hotline lookup by keyed HMAC, with a stated purpose, written to the resident’s access log (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof httpClient>;
  let agent: TestStaff;
  let person: Awaited<ReturnType<typeof newResident>>;
  const purpose = { kind: 'hotline-call', callRef: 'HC-2020-0042' };
  const accessLog = async () =>
    (await http.get('/api/v1/me/access-log', person.token)).body.items as {
      role: string;
      purpose: string;
      scope: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    http = httpClient(t.baseUrl);
    agent = await newStaff(t, 'hotline-agent', '33');
    person = await newResident(http, { name: '司马光明', phone: '13712340000', homeRegion: '110101' });
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      person.token,
    );
    await http.post('/api/v1/me/check-ins', { healthy: true, temperature: 36.5 }, person.token);
  });
  afterAll(() => t?.close());

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

  it('finds by a phone number typed any way, and logs an appeal purpose', async () => {
    const supervisor = await newStaff(t, 'supervisor', '3301');
    const appealId = '0190b3c4-0000-7000-8000-00000000abcd';
    const res = await http.post(
      '/api/v1/staff/lookup',
      { phone: '+86 137-1234-0000', purpose: { kind: 'appeal', appealId } },
      supervisor.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.purpose).toBe(`appeal:${appealId}`);
    expect((await accessLog())[0]).toMatchObject({ role: 'supervisor', purpose: `appeal:${appealId}` });
  });

  it('refuses residents outside the caller’s scope, and unknown numbers, without logging a read', async () => {
    const before = (await accessLog()).length;
    const beijing = await newStaff(t, 'hotline-agent', '11');
    const outside = await http.post('/api/v1/staff/lookup', { idNumber: person.idNumber, purpose }, beijing.token);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('OUT_OF_SCOPE');
    const unknown = await http.post('/api/v1/staff/lookup', { phone: '13999999999', purpose }, agent.token);
    expect(unknown.status).toBe(404);
    expect((await accessLog()).length).toBe(before);
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
