import { addDays, cstDate } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { createDataSource } from '../../src/database/data-source.util';
import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

describe('resident API refuses bad input with field messages and writes nothing (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;

  const counts = async () => {
    const rows = await db.query(
      'SELECT (SELECT COUNT(*) FROM declarations) d, (SELECT COUNT(*) FROM residents WHERE consent_version IS NOT NULL) r, (SELECT COUNT(*) FROM check_ins) c, (SELECT COUNT(*) FROM code_history) h',
    );
    return rows[0];
  };

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t, db, http } = ctx);
    db = createDataSource(t.databaseUrl, 2);
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await ctx?.close();
  });

  const login = async (name: string) =>
    (await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${name}` })).body.accessToken as string;
  const profile = (over: Record<string, unknown> = {}) => ({
    consentVersion: CONSENT_VERSION,
    name: '李四',
    idType: 'resident-id',
    idNumber: validResidentId(),
    phone: '13912345678',
    homeRegion: '330106',
    ...over,
  });

  it.each([
    ['a bad ID check digit', { idNumber: '330106199001010010' }, 'idNumber'],
    ['an unknown region code', { homeRegion: '339999' }, 'homeRegion'],
    ['a province as home region', { homeRegion: '33' }, 'homeRegion'],
    ['a padded city code as home region', { homeRegion: '330100' }, 'homeRegion'],
    ['an oversized name', { name: 'x'.repeat(65) }, 'name'],
    ['a name with a right-to-left override', { name: '李\u202E四' }, 'name'],
    ['a name with a control character', { name: '李\u0007四' }, 'name'],
    ['an unknown field', { favouriteColour: 'green' }, ''],
    ['a missing consent', { consentVersion: undefined }, 'consentVersion'],
    ['an outdated consent version', { consentVersion: '2019-v0' }, 'consentVersion'],
    ['a phone that is not a mobile number', { phone: '12345' }, 'phone'],
  ])('sign-up refuses %s', async (_label, over, field) => {
    const token = await login(`bad${Math.random().toString(36).slice(2, 8)}`);
    const before = await counts();
    const res = await http.put('/api/v1/me/profile', profile(over), token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(typeof res.body.message).toBe('string');
    if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await counts()).toEqual(before);
    const me = await http.get('/api/v1/me/profile', token);
    expect(me.body.registered).toBe(false);
  });

  it('error messages never echo the ID number back', async () => {
    const token = await login('echo');
    const res = await http.put('/api/v1/me/profile', profile({ idNumber: '330106199001010010' }), token);
    expect(JSON.stringify(res.body)).not.toContain('330106199001010010');
  });

  describe('declarations', () => {
    let token: string;
    const today = () => cstDate(new Date());
    beforeAll(async () => {
      token = (await ctx.newResident()).token;
    });

    it.each([
      [
        'a date in the future',
        () => ({ stays: [{ region: '420103', from: today(), to: addDays(today(), 2) }] }),
        'stays.0.to',
      ],
      [
        'an inverted stay',
        () => ({ stays: [{ region: '420103', from: addDays(today(), -2), to: addDays(today(), -5) }] }),
        'stays.0.to',
      ],
      [
        'overlapping stays',
        () => ({
          stays: [
            { region: '420103', from: addDays(today(), -9), to: addDays(today(), -5) },
            { region: '110101', from: addDays(today(), -7), to: addDays(today(), -6) },
          ],
        }),
        'stays.1.from',
      ],
      [
        'more than 50 stays',
        () => ({
          stays: Array.from({ length: 51 }, (_, i) => ({
            region: '110101',
            from: addDays(today(), -60 + i),
            to: addDays(today(), -60 + i),
          })),
        }),
        'stays',
      ],
      ['an unknown region', () => ({ currentRegion: '999999' }), 'currentRegion'],
      ['an unknown symptom', () => ({ symptoms: [{ symptom: 'sneezing', onset: today() }] }), 'symptoms.0.symptom'],
      ['an unknown field', () => ({ gps: '30.27,120.15' }), ''],
    ])('refuses %s', async (_label, make, field) => {
      const before = await counts();
      const res = await http.post(
        '/api/v1/me/declarations',
        { currentRegion: '330106', stays: [], symptoms: [], contact: null, ...make() },
        token,
      );
      expect(res.status).toBe(400);
      if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
      expect(await counts()).toEqual(before);
    });
  });

  it('refuses malformed JSON, oversized bodies, wrong content types and forged sessions with 4xx', async () => {
    const token = (await ctx.newResident()).token;
    const bad = await http.post('/api/v1/me/declarations', '{"currentRegion":', token);
    expect(bad.status).toBe(400);
    const huge = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', pad: 'x'.repeat(300_000) },
      token,
    );
    expect(huge.status).toBe(413);
    const text = await http.post('/api/v1/me/check-ins', 'healthy', token, { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const forged = await http.get('/api/v1/me/code', `${token.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    const none = await http.get('/api/v1/me/code', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwidHlwIjoicmVzaWRlbnQifQ.');
    expect(none.status).toBe(401);
    const anonymous = await http.get('/api/v1/me/code');
    expect(anonymous.status).toBe(401);
    const badLogin = await http.post('/api/v1/auth/host-login', { provider: 'dev', code: 'not-a-dev-code' });
    expect(badLogin.status).toBe(401);
    const disabled = await http.post('/api/v1/auth/host-login', { provider: 'wechat', code: 'abc' });
    expect(disabled.status).toBe(403);
  });

  it('refuses a declaration before sign-up with a clear message', async () => {
    const token = await login('nosignup');
    const res = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      token,
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_REGISTERED');
  });

  it('erases a resident on request and returns a receipt', async () => {
    const { token } = await ctx.newResident();
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      token,
    );
    const receipt = await http.delete('/api/v1/me', token);
    expect(receipt.status).toBe(200);
    expect(receipt.body.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.body.erased.declarations).toBe(1);
    const after = await http.get('/api/v1/me/profile', token);
    expect(after.status).toBe(401);
  });
});
