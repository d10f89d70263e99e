import { ID_NUMBER_TAKEN_MESSAGE } from '@healthcode/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

import { verifyOverHttp } from '../utils/dev-verification';
import { E2eContext } from '../utils/e2e-context';
import { CONSENT_VERSION, newResident, validResidentId } from '../utils/resident.factory';
import { newStaff } from '../utils/staff.factory';
import type { TestApp } from '../utils/test-app';

describe('ID numbers: claims, verification and ID changes over HTTP (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
    ({ t, http, db } = ctx);
  });
  afterAll(() => ctx?.close());

  const confirmedCase = (idNumber: string) => ctx.newConfirmedCase(idNumber);
  const login = async () => {
    const user = `u${randomBytes(5).toString('hex')}`;
    const res = await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${user}` });
    return { user, token: res.body.accessToken as string };
  };
  const profile = (idNumber: string, over: Record<string, unknown> = {}) => ({
    consentVersion: CONSENT_VERSION,
    name: '钱七',
    idType: 'resident-id',
    idNumber,
    phone: '13512345678',
    homeRegion: '330106',
    ...over,
  });
  const snapshot = async () =>
    (
      await db.query(
        `SELECT (SELECT COUNT(*) FROM identity_events) e, (SELECT COUNT(*) FROM resident_codes) c,
           (SELECT COUNT(*) FROM code_history) h, (SELECT GROUP_CONCAT(verification_state ORDER BY id) FROM residents) s`,
      )
    )[0];

  it('B claims the number of red A: 409 with the next step, identical to a claim on a number without facts; B learns nothing', async () => {
    const a = await newResident(http);
    await confirmedCase(a.idNumber);
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      a.token,
    );
    expect((await http.get('/api/v1/me/code', a.token)).body.color).toBe('red');
    const quiet = await newResident(http);

    const b = await login();
    const before = await snapshot();
    const onRed = await http.put('/api/v1/me/profile', profile(a.idNumber), b.token);
    const onQuiet = await http.put('/api/v1/me/profile', profile(quiet.idNumber), b.token);
    expect(onRed.status).toBe(409);
    expect(onRed.body.message).toBe(ID_NUMBER_TAKEN_MESSAGE);
    const { requestId: _r1, ...redBody } = onRed.body;
    const { requestId: _r2, ...quietBody } = onQuiet.body;
    expect(redBody).toEqual(quietBody);
    expect(redBody).toEqual({ statusCode: 409, code: 'ID_NUMBER_TAKEN', message: ID_NUMBER_TAKEN_MESSAGE });
    expect(await snapshot()).toEqual(before);
    // Nothing about A anywhere B can look: no code, no colour, no masked name.
    const code = await http.get('/api/v1/me/code', b.token);
    expect(code.status).toBe(409);
    expect(JSON.stringify(code.body)).not.toMatch(/red|confirmed|钱/);
    const mine = await http.get('/api/v1/me/profile', b.token);
    expect(mine.body).toMatchObject({ registered: false, name: null, idNumber: null });
  });

  it('an unverified resident gets no code and a plain message saying what is missing and how to finish', async () => {
    const idNumber = validResidentId();
    await confirmedCase(idNumber);
    const r = await newResident(http, { idNumber }, { verified: false });
    const code = await http.get('/api/v1/me/code', r.token);
    expect(code.status).toBe(409);
    expect(code.body.code).toBe('VERIFICATION_REQUIRED');
    expect(code.body.message).toMatch(/not verified yet.*host app.*hotline/s);
    expect(code.body).not.toHaveProperty('color');
    expect((await http.get('/api/v1/me/profile', r.token)).body.verification).toEqual({
      state: 'unverified',
      method: null,
      verifiedAt: null,
      rejectedReason: null,
    });
    await verifyOverHttp(http, r.token, r.hostUser, idNumber);
    expect((await http.get('/api/v1/me/code', r.token)).body.color).toBe('red');
  });

  it('the hotline can look up an unverified resident: it sees the state and no code, never a colour', async () => {
    const idNumber = validResidentId();
    await confirmedCase(idNumber);
    await newResident(http, { idNumber }, { verified: false });
    const agent = await newStaff(t, 'hotline-agent', '33');
    const res = await http.post(
      '/api/v1/staff/lookup',
      { idType: 'resident-id', idNumber, purpose: { kind: 'hotline-call', callRef: 'CALL-ID-1' } },
      agent.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.items[0].verification.state).toBe('unverified');
    expect(res.body.items[0].code).toBeNull();
  });

  it('refuses a dev verification for a number the dev host does not know for this user (422), changing nothing', async () => {
    const r = await newResident(http, {}, { verified: false });
    // The dev host knows a different number for this user.
    await http.post('/api/v1/dev-host/certifications', {
      user: r.hostUser,
      idType: 'resident-id',
      idNumber: validResidentId(),
    });
    const before = await snapshot();
    const res = await http.post('/api/v1/me/verification', { method: 'dev' }, r.token);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VERIFICATION_REFUSED');
    expect(res.body.message).toMatch(/different ID number/);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an unknown method', { method: 'passport-office' }],
    ['extra fields', { method: 'dev', idNumber: '330106199001010010' }],
    ['an Alipay proof without its auth code', { method: 'alipay' }],
    ['an oversized verify id', { method: 'wechat', verifyId: 'x'.repeat(200) }],
  ])('refuses a verification request with %s (400), changing nothing', async (_label, body) => {
    const r = await newResident(http, {}, { verified: false });
    const before = await snapshot();
    const res = await http.post('/api/v1/me/verification', body, r.token);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('330106199001010010');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a bad check digit', { user: 'dev-a', idType: 'resident-id', idNumber: '330106199001010010' }],
    ['a user name the dev host cannot have', { user: 'Not A Dev User', idType: 'resident-id', idNumber: '1' }],
    ['an unknown document type', { user: 'deva', idType: 'library-card', idNumber: 'X1' }],
  ])('the dev host refuses a certification with %s (400), storing nothing', async (_label, body) => {
    const [{ n: before }] = await db.query('SELECT COUNT(*) n FROM dev_host_identities');
    const res = await http.post('/api/v1/dev-host/certifications', body);
    expect(res.status).toBe(400);
    const [{ n: after }] = await db.query('SELECT COUNT(*) n FROM dev_host_identities');
    expect(Number(after)).toBe(Number(before));
  });

  it('A stays red after changing their ID number, and the change is in their history', async () => {
    const a = await newResident(http);
    await confirmedCase(a.idNumber);
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      a.token,
    );
    expect((await http.get('/api/v1/me/code', a.token)).body.color).toBe('red');
    const changed = await http.put('/api/v1/me/profile', profile(validResidentId()), a.token);
    expect(changed.status).toBe(200);
    expect(changed.body.verification.state).toBe('unverified');
    // The change ended every session; the answer carries the caller's new one.
    expect((await http.get('/api/v1/me/profile', a.token)).status).toBe(401);
    a.token = changed.body.session.accessToken;
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      a.token,
    );
    const code = await http.get('/api/v1/me/code', a.token);
    expect(code.body.color).toBe('red');
    expect(code.body.reasons.map((x: { fact: { source: string } }) => x.fact.source)).toContain('case-registry');
    const [{ n }] = await db.query(`SELECT COUNT(*) n FROM identity_events WHERE kind = 'id-changed'`);
    expect(Number(n)).toBeGreaterThanOrEqual(1);
  });

  it('an erased account frees its number for a new sign-up', async () => {
    const a = await newResident(http);
    expect((await http.delete('/api/v1/me', a.token)).status).toBe(200);
    const b = await login();
    expect((await http.put('/api/v1/me/profile', profile(a.idNumber), b.token)).status).toBe(200);
  });
});
