import { DataSource } from 'typeorm';

import { SessionRevocationService } from '../../src/modules/session/session-revocation.service';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/** Sessions end server-side before they expire: resident revocation (erasure, ID change, ban) and staff logout. */
describe('session revocation (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  const RESIDENT_ROUTES = ['/api/v1/me/profile', '/api/v1/me/code', '/api/v1/me/access-log', '/api/v1/me/retention'];

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t, http } = ctx);
  });
  afterAll(() => ctx?.close());

  const loginAs = async (code: string) =>
    (await http.post('/api/v1/auth/host-login', { provider: 'dev', code })).body.accessToken as string;

  it('ends every live session of a resident at erasure: no /me route answers the old token', async () => {
    const resident = await ctx.newResident();
    for (const path of RESIDENT_ROUTES) expect((await http.get(path, resident.token)).status).toBe(200);
    expect((await http.delete('/api/v1/me', resident.token)).status).toBe(200);
    for (const path of RESIDENT_ROUTES) {
      const res = await http.get(path, resident.token);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    expect((await http.delete('/api/v1/me', resident.token)).status).toBe(401);
  });

  it('revokes every live session of a resident at once (the hook an ID change or a ban calls); a new login works', async () => {
    const code = `dev-revoke-${Date.now()}`;
    const first = await loginAs(code);
    const second = await loginAs(code);
    const other = await ctx.newResident();
    expect((await http.get('/api/v1/me/code', first)).status).toBe(409); // not signed up yet, but a live session
    const residentId = JSON.parse(Buffer.from(first.split('.')[1], 'base64url').toString()).sub as string;

    await t.app.get(SessionRevocationService).revokeResidentSessions(residentId);

    for (const token of [first, second]) expect((await http.get('/api/v1/me/code', token)).status).toBe(401);
    // Other residents are untouched, and the same person can log in again.
    expect((await http.get('/api/v1/me/code', other.token)).status).toBe(200);
    const fresh = await loginAs(code);
    expect((await http.get('/api/v1/me/code', fresh)).status).toBe(409);
    // Revoking inside a transaction that rolls back revokes nothing.
    await t.app
      .get(DataSource)
      .transaction(async (m) => {
        await t.app.get(SessionRevocationService).revokeResidentSessions(residentId, m);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await http.get('/api/v1/me/code', fresh)).status).toBe(409);
  });

  it('logs a staff member out server-side: that token is refused at once, their other session lives on', async () => {
    const agent = await ctx.newStaff('hotline-agent', '33');
    const login = () => http.post('/api/v1/staff/login', { username: agent.username, password: agent.password });
    const a = (await login()).body.accessToken as string;
    const b = (await login()).body.accessToken as string;
    expect((await http.get('/api/v1/staff/me', a)).status).toBe(200);

    const out = await http.post('/api/v1/staff/logout', undefined, a);
    expect(out.status).toBe(204);
    const after = await http.get('/api/v1/staff/me', a);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
    expect((await http.post('/api/v1/staff/logout', undefined, a)).status).toBe(401);
    expect((await http.get('/api/v1/staff/me', b)).status).toBe(200);

    const rows = await t.app
      .get(DataSource)
      .query(`SELECT details FROM audit_log WHERE action = 'staff.logout' AND target_id = ?`, [agent.id]);
    expect(rows).toHaveLength(1);
  });
});
