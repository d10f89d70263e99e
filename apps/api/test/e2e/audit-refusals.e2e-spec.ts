import { DataSource } from 'typeorm';

import { E2eContext } from '../utils/e2e-context';

/** Issue #14 (Audit): refused staff attempts, logins and failed logins are in the hash-chained audit log. */
describe('audit of refusals and logins (e2e)', () => {
  let ctx: E2eContext;
  let http: E2eContext['http'];
  let db: DataSource;
  const entries = async (action: string, actorOrTarget: string) =>
    (await db.query(
      `SELECT target_id AS target, details FROM audit_log WHERE action = ?
         AND (actor_id = UNHEX(REPLACE(?, '-', '')) OR target_id = ?) ORDER BY seq`,
      [action, actorOrTarget, actorOrTarget],
    )) as { target: string | null; details: Record<string, unknown> }[];

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ db, http } = ctx);
  });
  afterAll(() => ctx?.close());

  it('audits a staff member refused for their role, and one refused outside their scope', async () => {
    const agent = await ctx.newStaff('hotline-agent', '33');
    const wrongRole = await http.get('/api/v1/staff/accounts', agent.token);
    expect(wrongRole.status).toBe(403);
    expect(await entries('staff.refused', agent.id)).toEqual([
      { target: null, details: { code: 'FORBIDDEN', method: 'GET', route: '/api/v1/staff/accounts' } },
    ]);

    const zjAdmin = await ctx.newStaff('system-admin', '33');
    const outside = await http.post(
      '/api/v1/staff/accounts',
      {
        username: 'audit.bj.agent',
        displayName: 'BJ',
        role: 'hotline-agent',
        regionScope: '11',
        password: 'a long enough passphrase',
      },
      zjAdmin.token,
    );
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('OUT_OF_SCOPE');
    expect(await entries('staff.refused', zjAdmin.id)).toEqual([
      { target: null, details: { code: 'OUT_OF_SCOPE', method: 'POST', route: '/api/v1/staff/accounts' } },
    ]);
    // The entries are part of the chain, which still verifies.
    const verify = await http.get('/api/v1/audit/verify', (await ctx.newStaff('auditor', '')).token);
    expect(verify.body.ok).toBe(true);
  });

  it('audits logins and failed logins, never the user name typed', async () => {
    const agent = await ctx.newStaff('hotline-agent', '33');
    const login = (username: string, password: string) => http.post('/api/v1/staff/login', { username, password });
    expect((await login(agent.username, 'not the right passphrase')).status).toBe(401);
    expect((await login(agent.username, agent.password)).status).toBe(200);
    expect(await entries('staff.login-failed', agent.id)).toEqual([
      { target: agent.id, details: { reason: 'wrong-password' } },
    ]);
    expect(await entries('staff.login', agent.id)).toEqual([{ target: agent.id, details: { secondFactor: false } }]);

    const typed = '330106199001011234';
    const before = Number(
      (await db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'staff.login-failed'`))[0].n,
    );
    expect((await login(typed, 'whatever whatever')).status).toBe(401);
    expect((await login('nobody.here', 'whatever whatever')).status).toBe(401);
    const unknown: { target: string | null; details: unknown }[] = await db.query(
      `SELECT target_id AS target, details FROM audit_log WHERE action = 'staff.login-failed' ORDER BY seq DESC LIMIT 2`,
    );
    expect(unknown).toEqual([
      { target: null, details: { reason: 'unknown-user' } },
      { target: null, details: { reason: 'unknown-user' } },
    ]);
    expect(
      Number((await db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'staff.login-failed'`))[0].n),
    ).toBe(before + 2);
    const dump = JSON.stringify(await db.query('SELECT * FROM audit_log'));
    expect(dump).not.toContain(typed);
    expect(dump).not.toContain('nobody.here');
  });
});
