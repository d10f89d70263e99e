import { DataSource } from 'typeorm';

import { totpAt } from '../../src/modules/staff/staff-totp.util';
import { type TestStaff } from '../utils/staff.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/** Roles, scopes, locks and the second system-admin's approval of privileged roles, with their bad cases. */
describe('staff management: roles, scopes and two-admin grants (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;
  let admin: TestStaff;
  let second: TestStaff;
  let ip = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++ip}` });
  const newAccount = (over: Record<string, unknown> = {}) => ({
    username: `user.${++ip}`,
    displayName: '测试 账号',
    role: 'hotline-agent',
    regionScope: '3301',
    password: 'a long enough passphrase',
    ...over,
  });
  const actionsOn = async (id: string) =>
    (await db.query('SELECT action FROM audit_log WHERE target_id = ? ORDER BY seq', [id])).map(
      (r: { action: string }) => r.action,
    );

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { TRUSTED_PROXIES: '127.0.0.1', STAFF_LOGIN_PER_ACCOUNT_PER_MINUTE: '20' } });
    ({ t, db, http } = ctx);
    admin = await ctx.newStaff('system-admin', '');
    second = await ctx.newStaff('system-admin', '');
  });
  afterAll(() => ctx?.close());

  it('creates a supervisor disabled with a pending grant; a second admin approves; the user enrolls and logs in', async () => {
    const body = newAccount({ role: 'supervisor', regionScope: '33' });
    const created = await http.post('/api/v1/staff/accounts', body, admin.token);
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ role: 'supervisor', disabled: true, totpEnabled: false });
    expect(created.body.grant).toMatchObject({ kind: 'create', role: 'supervisor', status: 'pending' });
    const grantId = created.body.grant.id;
    expect(created.body.account.pendingGrantId).toBe(grantId);

    // Not before approval: enabling by hand is refused, and so is the requester's own approval.
    const enable = await http.post(`/api/v1/staff/accounts/${created.body.account.id}/enable`, undefined, admin.token);
    expect(enable.status).toBe(409);
    const self = await http.post(`/api/v1/staff/grants/${grantId}/approve`, undefined, admin.token);
    expect(self.status).toBe(403);
    expect(self.body.message).toContain('second system-admin');
    const zh = await http.post(`/api/v1/staff/grants/${grantId}/refuse`, {}, admin.token);
    expect(zh.status).toBe(403);
    const pending = await http.get('/api/v1/staff/grants?status=pending', second.token);
    expect(pending.body.items.map((g: { id: string }) => g.id)).toContain(grantId);

    const approved = await http.post(`/api/v1/staff/grants/${grantId}/approve`, undefined, second.token);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: second.id, requestedBy: admin.id });
    const again = await http.post(`/api/v1/staff/grants/${grantId}/refuse`, {}, second.token);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');

    const credentials = { username: body.username, password: body.password };
    const step1 = await http.post('/api/v1/staff/login', credentials, undefined, from());
    expect(step1.body.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    const enrollment = await http.post('/api/v1/staff/login/enroll', credentials, undefined, from());
    expect(enrollment.status).toBe(200);
    const login = await http.post(
      '/api/v1/staff/login',
      { ...credentials, totp: await totpAt(enrollment.body.secret, t.clock.now()) },
      undefined,
      from(),
    );
    expect(login.status).toBe(200);
    expect(login.body.staff.role).toBe('supervisor');
    expect(await actionsOn(created.body.account.id)).toEqual(
      expect.arrayContaining([
        'staff.created',
        'staff.grant-requested',
        'staff.grant-approved',
        'staff.totp-enrollment-started',
        'staff.totp-enrolled',
        'staff.login',
      ]),
    );
  });

  it('refusing a new privileged account removes it, with the reason kept on the grant', async () => {
    const body = newAccount({ role: 'system-admin', regionScope: '' });
    const created = await http.post('/api/v1/staff/accounts', body, admin.token);
    const refused = await http.post(
      `/api/v1/staff/grants/${created.body.grant.id}/refuse`,
      { reason: 'Not on the duty roster' },
      second.token,
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      reason: 'Not on the duty roster',
      username: body.username,
    });
    expect(await db.query('SELECT id FROM staff WHERE username = ?', [body.username])).toHaveLength(0);
    const login = await http.post(
      '/api/v1/staff/login',
      { username: body.username, password: body.password },
      undefined,
      from(),
    );
    expect(login.status).toBe(401);
    const all = await http.get('/api/v1/staff/grants', second.token);
    expect(all.body.items.find((g: { id: string }) => g.id === created.body.grant.id)).toMatchObject({
      status: 'refused',
      decidedByName: 'Test system-admin',
    });
  });

  it('applies a plain role change at once (ending sessions) and holds a promotion until approved', async () => {
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const toAuditor = await http.post(
      `/api/v1/staff/accounts/${agent.id}/role`,
      { role: 'auditor', regionScope: '3301' },
      admin.token,
    );
    expect(toAuditor.status).toBe(200);
    expect(toAuditor.body).toMatchObject({ account: { role: 'auditor' }, grant: null });
    expect((await http.get('/api/v1/staff/me', agent.token)).status).toBe(401);

    const promote = await http.post(
      `/api/v1/staff/accounts/${agent.id}/role`,
      { role: 'region-admin', regionScope: '33' },
      admin.token,
    );
    expect(promote.status).toBe(200);
    expect(promote.body.account.role).toBe('auditor');
    expect(promote.body.grant).toMatchObject({ kind: 'change', previousRole: 'auditor', role: 'region-admin' });
    const twice = await http.post(
      `/api/v1/staff/accounts/${agent.id}/role`,
      { role: 'supervisor', regionScope: '33' },
      admin.token,
    );
    expect(twice.body.code).toBe('CONFLICT');
    expect(
      (await http.post(`/api/v1/staff/grants/${promote.body.grant.id}/approve`, undefined, second.token)).status,
    ).toBe(200);
    const rows = await db.query('SELECT role, region_scope FROM staff WHERE username = ?', [agent.username]);
    expect(rows[0]).toEqual({ role: 'region-admin', region_scope: '33' });
    expect(await actionsOn(agent.id)).toEqual(
      expect.arrayContaining(['staff.role-changed', 'staff.grant-requested', 'staff.grant-approved']),
    );
  });

  it('refuses self-changes, out-of-scope work, wrong roles, bad input and the last admin', async () => {
    // Changing or disabling oneself.
    expect(
      (await http.post(`/api/v1/staff/accounts/${admin.id}/role`, { role: 'auditor', regionScope: '' }, admin.token))
        .body.code,
    ).toBe('CONFLICT');
    expect((await http.post(`/api/v1/staff/accounts/${admin.id}/disable`, undefined, admin.token)).body.code).toBe(
      'CONFLICT',
    );

    // A province admin: not another province's account, not a scope wider than their own.
    const zjAdmin = await ctx.newStaff('system-admin', '33');
    const bjAgent = await ctx.newStaff('hotline-agent', '11');
    const hzAgent = await ctx.newStaff('hotline-agent', '3301');
    for (const path of ['disable', 'enable', 'unlock', 'reset-totp'])
      expect(
        (await http.post(`/api/v1/staff/accounts/${bjAgent.id}/${path}`, undefined, zjAdmin.token)).body.code,
      ).toBe('OUT_OF_SCOPE');
    expect(
      (
        await http.post(
          `/api/v1/staff/accounts/${hzAgent.id}/role`,
          { role: 'auditor', regionScope: '11' },
          zjAdmin.token,
        )
      ).body.code,
    ).toBe('OUT_OF_SCOPE');
    expect(
      (await http.get('/api/v1/staff/accounts', zjAdmin.token)).body.items.map((a: { id: string }) => a.id),
    ).not.toContain(bjAgent.id);

    // A grant outside the approver's scope, and a grant for the approver's own account.
    const bjGrant = await http.post(
      `/api/v1/staff/accounts/${bjAgent.id}/role`,
      { role: 'supervisor', regionScope: '11' },
      admin.token,
    );
    expect(
      (await http.post(`/api/v1/staff/grants/${bjGrant.body.grant.id}/approve`, undefined, zjAdmin.token)).body.code,
    ).toBe('OUT_OF_SCOPE');
    expect(
      (await http.get('/api/v1/staff/grants', zjAdmin.token)).body.items.map((g: { id: string }) => g.id),
    ).not.toContain(bjGrant.body.grant.id);
    const widen = await http.post(
      `/api/v1/staff/accounts/${zjAdmin.id}/role`,
      { role: 'system-admin', regionScope: '' },
      admin.token,
    );
    expect(widen.body.grant.status).toBe('pending');
    const ownGrant = await http.post(`/api/v1/staff/grants/${widen.body.grant.id}/approve`, undefined, zjAdmin.token);
    expect(ownGrant.status).toBe(403);

    // Wrong roles: a region-admin or supervisor manages no accounts and decides no grants.
    const regionAdmin = await ctx.newStaff('region-admin', '33');
    const supervisor = await ctx.newStaff('supervisor', '33');
    for (const who of [regionAdmin, supervisor]) {
      expect((await http.get('/api/v1/staff/accounts', who.token)).status).toBe(403);
      expect((await http.get('/api/v1/staff/grants', who.token)).status).toBe(403);
      expect(
        (await http.post(`/api/v1/staff/grants/${bjGrant.body.grant.id}/approve`, undefined, who.token)).status,
      ).toBe(403);
      expect((await http.post(`/api/v1/staff/accounts/${hzAgent.id}/unlock`, undefined, who.token)).status).toBe(403);
    }

    // Bad input: unknown role, bad scope, extra fields, unknown ids; nothing changes.
    for (const bad of [
      { role: 'root', regionScope: '33' },
      { role: 'auditor', regionScope: '3x' },
      { role: 'auditor', regionScope: '33', extra: true },
      {},
    ]) {
      const res = await http.post(`/api/v1/staff/accounts/${hzAgent.id}/role`, bad, admin.token);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await http.post('/api/v1/staff/grants/not-a-uuid/approve', undefined, admin.token)).status).toBe(400);
    expect(
      (
        await http.post(
          `/api/v1/staff/grants/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}/approve`,
          undefined,
          admin.token,
        )
      ).status,
    ).toBe(404);
    expect((await http.get('/api/v1/staff/grants?status=maybe', admin.token)).status).toBe(400);
    const unchanged = await db.query('SELECT role, region_scope FROM staff WHERE username = ?', [hzAgent.username]);
    expect(unchanged[0]).toEqual({ role: 'hotline-agent', region_scope: '3301' });

    // Unlock: only a locked account.
    expect((await http.post(`/api/v1/staff/accounts/${hzAgent.id}/unlock`, undefined, admin.token)).body.code).toBe(
      'CONFLICT',
    );
  });

  it('unlocks a locked account without touching its password, and answers in Chinese when asked', async () => {
    const locked = await ctx.newStaff('hotline-agent', '3301', {
      lockedUntil: new Date(t.clock.now().getTime() + 3_600_000),
      failedLogins: 0,
    });
    const before = await http.post(
      '/api/v1/staff/login',
      { username: locked.username, password: locked.password },
      undefined,
      from(),
    );
    expect(before.status).toBe(423);
    const listed = (await http.get('/api/v1/staff/accounts', admin.token)).body.items.find(
      (a: { id: string }) => a.id === locked.id,
    );
    expect(listed.lockedUntil).not.toBeNull();
    const unlocked = await http.post(`/api/v1/staff/accounts/${locked.id}/unlock`, undefined, admin.token);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    const after = await http.post(
      '/api/v1/staff/login',
      { username: locked.username, password: locked.password },
      undefined,
      from(),
    );
    expect(after.status).toBe(200);
    expect(await actionsOn(locked.id)).toContain('staff.unlocked');
    const zh = await http.post(`/api/v1/staff/accounts/${locked.id}/unlock`, undefined, admin.token, {
      'accept-language': 'zh-CN',
    });
    expect(zh.body.message).toBe('该账号未被锁定');
  });
});
