import { DataSource } from 'typeorm';

import { totpAt } from '../../src/modules/staff/staff-totp.util';
import { newStaff, STAFF_TEST_PASSWORD } from '../utils/staff.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

describe('staff login, sessions and accounts (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;
  // Each test uses its own client address: the per-IP login limit (30/min here) is tested last.
  let ip = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++ip}` });
  const login = (body: Record<string, unknown>, headers = from()) =>
    http.post('/api/v1/staff/login', body, undefined, headers);
  const enroll = (body: Record<string, unknown>) => http.post('/api/v1/staff/login/enroll', body, undefined, from());
  const auditActions = async () =>
    (await db.query('SELECT action FROM audit_log ORDER BY seq')).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    ctx = await E2eContext.create({
      env: {
        // The tests stand in for a proxy on loopback that sets X-Forwarded-For.
        TRUSTED_PROXIES: '127.0.0.1',
        RATE_LIMIT_STAFF_LOGIN_PER_MINUTE: '30',
        STAFF_LOGIN_PER_ACCOUNT_PER_MINUTE: '8',
        STAFF_LOGIN_MAX_FAILURES: '5',
        STAFF_LOCKOUT_MINUTES: '15',
      },
    });
    ({ t, db, http } = ctx);
  });
  afterAll(() => ctx?.close());

  it('logs a hotline agent in with a password alone and answers /staff/me', async () => {
    const agent = await ctx.newStaff('hotline-agent', '33');
    const res = await login({ username: agent.username, password: agent.password });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      expiresIn: 8 * 3600,
      staff: { id: agent.id, username: agent.username, role: 'hotline-agent', regionScope: '33' },
    });
    const me = await http.get('/api/v1/staff/me', res.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.staff);
    // Bearer tokens only: nothing a browser would send by itself.
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('asks roles that can change colours or rules for a TOTP code, and refuses a replayed one', async () => {
    for (const role of ['region-admin', 'supervisor', 'system-admin'] as const) {
      const admin = await ctx.newStaff(role, role === 'system-admin' ? '' : '33');
      const step1 = await login({ username: admin.username, password: admin.password });
      expect(step1.status).toBe(401);
      expect(step1.body.code).toBe('TOTP_REQUIRED');
      const code = await admin.totp();
      const wrong = await login({
        username: admin.username,
        password: admin.password,
        totp: code === '123456' ? '654321' : '123456',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('UNAUTHENTICATED');
      const ok = await login({ username: admin.username, password: admin.password, totp: code });
      expect(ok.status).toBe(200);
      const replay = await login({ username: admin.username, password: admin.password, totp: code });
      expect(replay.status).toBe(401);
      t.clock.set(new Date(t.clock.now().getTime() + 30_000));
      expect(
        (await login({ username: admin.username, password: admin.password, totp: await admin.totp() })).status,
      ).toBe(200);
    }
  });

  it('opens exactly one session for one TOTP code sent in parallel (replay race)', async () => {
    const admin = await ctx.newStaff('supervisor', '33');
    const code = await admin.totp();
    const headers = from();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        login({ username: admin.username, password: admin.password, totp: code }, headers),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    // Each lost race counts as a failed attempt, like a sequential replay: the fifth locks the account.
    for (const r of results.filter((x) => x.status !== 200)) expect([401, 423]).toContain(r.status);
    expect(results.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(4);
  });

  it('lets a staff member change their own password: current one first, breached ones refused, every session ends', async () => {
    const agent = await ctx.newStaff('hotline-agent', '33');
    const token = (await login({ username: agent.username, password: agent.password })).body.accessToken as string;
    const change = (body: Record<string, unknown>) => http.post('/api/v1/staff/me/password', body, token);

    const wrong = await change({ currentPassword: 'not my password at all', newPassword: 'a fresh passphrase 2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'The current password is wrong' }]);
    for (const common of ['password1234', 'Password123!', 'qwertyuiop123']) {
      const res = await change({ currentPassword: agent.password, newPassword: common });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('breached or common');
      expect(JSON.stringify(res.body)).not.toContain(common);
    }
    expect((await change({ currentPassword: agent.password })).status).toBe(400);
    expect((await http.get('/api/v1/staff/me', token)).status).toBe(200);

    const ok = await change({ currentPassword: agent.password, newPassword: 'a fresh passphrase 2026' });
    expect(ok.status).toBe(204);
    expect((await http.get('/api/v1/staff/me', token)).status).toBe(401);
    expect((await login({ username: agent.username, password: agent.password })).status).toBe(401);
    expect((await login({ username: agent.username, password: 'a fresh passphrase 2026' })).status).toBe(200);
    const actions = await auditActions();
    expect(actions).toContain('staff.password-change-refused');
    expect(actions).toContain('staff.password-changed');
  });

  it('answers an unknown user and a wrong password alike', async () => {
    const agent = await ctx.newStaff('auditor', '');
    const unknown = await login({ username: 'nobody-here', password: 'whatever whatever' });
    const wrong = await login({ username: agent.username, password: 'whatever whatever' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(unknown.body.code).toBe(wrong.body.code);
  });

  it('locks an account after 5 failures (423 with Retry-After), audits it, and lets it in after the lock', async () => {
    const agent = await ctx.newStaff('checkpoint-operator', '33');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await login({ username: agent.username, password: `wrong password ${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await login({ username: agent.username, password: agent.password });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.message).toMatch(/locked .* until \d{4}-\d\d-\d\dT/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await auditActions()).toContain('staff.locked');
    t.clock.set(new Date(t.clock.now().getTime() + 16 * 60_000));
    expect((await login({ username: agent.username, password: agent.password })).status).toBe(200);
  });

  it('limits attempts per account across addresses (429 with Retry-After)', async () => {
    const agent = await ctx.newStaff('auditor', '');
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await login({ username: agent.username, password: `wrong ${i} guess` })).status);
    // 5 failures lock the account (423); the 9th attempt in a minute is over the per-account limit of 8.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[8]).toBe(429);
    const limited = await login({ username: agent.username, password: agent.password });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  describe('accounts (system-admin)', () => {
    let admin: Awaited<ReturnType<typeof newStaff>>;
    beforeAll(async () => {
      admin = await ctx.newStaff('system-admin', '');
    });

    it('creates an account that can log in at once when its role needs no approval', async () => {
      const created = await http.post(
        '/api/v1/staff/accounts',
        {
          username: 'Zj.Auditor',
          displayName: '浙江 审计员',
          role: 'auditor',
          regionScope: '33',
          password: 'a long enough passphrase',
        },
        admin.token,
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        account: { username: 'zj.auditor', role: 'auditor', regionScope: '33', disabled: false, totpEnabled: false },
        grant: null,
      });
      const stored = await db.query('SELECT password_hash FROM staff WHERE username = ?', ['zj.auditor']);
      expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
      const res = await login({ username: 'zj.auditor', password: 'a long enough passphrase' });
      expect(res.status).toBe(200);
      const list = await http.get('/api/v1/staff/accounts', admin.token);
      expect(list.body.items.map((a: { username: string }) => a.username)).toContain('zj.auditor');
      expect(JSON.stringify(list.body)).not.toMatch(/password|totp_secret|\$argon2/);
    });

    it('refuses duplicates, weak passwords, unknown fields and accounts outside the admin’s scope', async () => {
      const body = {
        username: 'dup.user',
        displayName: 'Dup',
        role: 'hotline-agent',
        regionScope: '3301',
        password: 'a long enough passphrase',
      };
      expect((await http.post('/api/v1/staff/accounts', body, admin.token)).status).toBe(201);
      expect((await http.post('/api/v1/staff/accounts', body, admin.token)).body.code).toBe('CONFLICT');
      const weak = await http.post(
        '/api/v1/staff/accounts',
        { ...body, username: 'weak.user', password: 'short' },
        admin.token,
      );
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].path).toBe('password');
      const breached = await http.post(
        '/api/v1/staff/accounts',
        { ...body, username: 'breached.user', password: 'iloveyou12345' },
        admin.token,
      );
      expect(breached.status).toBe(400);
      expect(breached.body.errors[0].message).toContain('breached or common');
      expect(
        (await http.post('/api/v1/staff/accounts', { ...body, username: 'extra.user', isRoot: true }, admin.token))
          .status,
      ).toBe(400);
      const zjAdmin = await ctx.newStaff('system-admin', '33');
      const outside = await http.post(
        '/api/v1/staff/accounts',
        { ...body, username: 'bj.agent', regionScope: '11' },
        zjAdmin.token,
      );
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('OUT_OF_SCOPE');
      const national = await http.post(
        '/api/v1/staff/accounts',
        { ...body, username: 'cn.agent', regionScope: '' },
        zjAdmin.token,
      );
      expect(national.body.code).toBe('OUT_OF_SCOPE');
    });

    it('disables an account: its live token stops working at once, and it cannot log in until enabled', async () => {
      const agent = await ctx.newStaff('hotline-agent', '33');
      const live = (await login({ username: agent.username, password: agent.password })).body.accessToken;
      expect((await http.get('/api/v1/staff/me', live)).status).toBe(200);
      const disabled = await http.post(`/api/v1/staff/accounts/${agent.id}/disable`, undefined, admin.token);
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      expect((await http.get('/api/v1/staff/me', live)).status).toBe(401);
      const refused = await login({ username: agent.username, password: agent.password });
      expect(refused.status).toBe(403);
      expect((await http.post(`/api/v1/staff/accounts/${agent.id}/enable`, undefined, admin.token)).status).toBe(200);
      expect((await login({ username: agent.username, password: agent.password })).status).toBe(200);
    });

    it('resets a password (ending sessions and lifting a lock) and a TOTP secret', async () => {
      const sup = await ctx.newStaff('supervisor', '33', {
        lockedUntil: new Date(t.clock.now().getTime() + 3_600_000),
      });
      expect((await http.get('/api/v1/staff/me', sup.token)).status).toBe(200);
      const reset = await http.post(
        `/api/v1/staff/accounts/${sup.id}/reset-password`,
        { password: 'another long passphrase' },
        admin.token,
      );
      expect(reset.status).toBe(200);
      expect(reset.body.lockedUntil).toBeNull();
      expect((await http.get('/api/v1/staff/me', sup.token)).status).toBe(401);
      expect(
        (await login({ username: sup.username, password: STAFF_TEST_PASSWORD, totp: await sup.totp() })).status,
      ).toBe(401);
      t.clock.set(new Date(t.clock.now().getTime() + 30_000));
      expect(
        (await login({ username: sup.username, password: 'another long passphrase', totp: await sup.totp() })).status,
      ).toBe(200);

      const totpReset = await http.post(`/api/v1/staff/accounts/${sup.id}/reset-totp`, undefined, admin.token);
      expect(totpReset.status).toBe(200);
      expect(totpReset.body).toMatchObject({ id: sup.id, totpEnabled: false });
      expect(JSON.stringify(totpReset.body)).not.toMatch(/secret|otpauth/);
      t.clock.set(new Date(t.clock.now().getTime() + 30_000));
      const credentials = { username: sup.username, password: 'another long passphrase' };
      // The old authenticator no longer counts: the staff member enrolls a new one themselves.
      const old = await login({ ...credentials, totp: await sup.totp() });
      expect(old.status).toBe(401);
      expect(old.body.code).toBe('TOTP_ENROLLMENT_REQUIRED');
      expect((await enroll({ ...credentials, password: 'wrong password!' })).status).toBe(401);
      const enrollment = await enroll(credentials);
      expect(enrollment.status).toBe(200);
      expect(enrollment.body.otpauthUrl).toContain(`otpauth://totp/healthcode:${sup.username}`);
      // Asking again before finishing shows the same secret (the app may already hold it).
      expect((await enroll(credentials)).body.secret).toBe(enrollment.body.secret);
      const enrolled = await login({ ...credentials, totp: await totpAt(enrollment.body.secret, t.clock.now()) });
      expect(enrolled.status).toBe(200);
      const stored = await db.query('SELECT totp_secret_enc, totp_pending_enc FROM staff WHERE username = ?', [
        sup.username,
      ]);
      expect(stored[0].totp_pending_enc).toBeNull();
      expect(stored[0].totp_secret_enc).not.toContain(enrollment.body.secret);
      expect((await enroll(credentials)).body.code).toBe('CONFLICT');
      const agent = await ctx.newStaff('hotline-agent', '33');
      expect((await http.post(`/api/v1/staff/accounts/${agent.id}/reset-totp`, undefined, admin.token)).body.code).toBe(
        'CONFLICT',
      );
    });

    it('never disables its own account or the last active system-admin, and records every change', async () => {
      const self = await http.post(`/api/v1/staff/accounts/${admin.id}/disable`, undefined, admin.token);
      expect(self.body.code).toBe('CONFLICT');
      expect(
        (
          await http.post(
            `/api/v1/staff/accounts/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}/disable`,
            undefined,
            admin.token,
          )
        ).status,
      ).toBe(404);
      expect((await http.post('/api/v1/staff/accounts/not-a-uuid/disable', undefined, admin.token)).status).toBe(400);
      const actions = await auditActions();
      for (const a of [
        'staff.created',
        'staff.disabled',
        'staff.enabled',
        'staff.password-reset',
        'staff.totp-reset',
        'staff.totp-enrollment-started',
        'staff.totp-enrolled',
      ])
        expect(actions).toContain(a);
      const verify = await http.get('/api/v1/audit/verify', admin.token);
      expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
      expect(verify.body.checked).toBe(actions.length);
    });
  });

  it('limits logins per client address (429)', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await login({ username: `someone-${i}`, password: 'wrong wrong wrong' }, headers)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await login({ username: 'someone-else', password: 'wrong wrong wrong' })).status).toBe(401);
  });
});
