import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { E2eContext, type E2eResident } from '../utils/e2e-context';
import type { TestStaff } from '../utils/staff.factory';

const ROUTE = '/api/v1/staff/identity-verifications';

describe('hotline-assisted verification: an agent files a document check, another person approves (e2e)', () => {
  let ctx: E2eContext;
  let agent: TestStaff;
  let supervisor: TestStaff;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
    agent = await ctx.newStaff('hotline-agent', '33');
    supervisor = await ctx.newStaff('supervisor', '3301');
  });
  afterAll(() => ctx?.close());

  const filing = (r: E2eResident, over: Record<string, unknown> = {}) => ({
    residentId: r.residentId,
    idType: 'resident-id',
    idNumber: r.idNumber,
    documentType: 'household-register',
    reason: 'Caller showed the household register on video; photo and number match the profile.',
    callRef: 'HC-2020-0100',
    ...over,
  });
  /** Everything a refused request could have touched. */
  const snapshot = async () =>
    (
      await ctx.db.query(
        `SELECT (SELECT COUNT(*) FROM hotline_verifications) h,
           (SELECT GROUP_CONCAT(status ORDER BY requested_at) FROM hotline_verifications) hs,
           (SELECT COUNT(*) FROM access_log) a, (SELECT COUNT(*) FROM audit_log WHERE target_type = 'hotline-verification') l,
           (SELECT COUNT(*) FROM identity_events) e, (SELECT COUNT(*) FROM resident_codes) c,
           (SELECT GROUP_CONCAT(verification_state ORDER BY id) FROM residents) s`,
      )
    )[0];
  const auditActions = async () =>
    (await ctx.db.query("SELECT action FROM audit_log WHERE target_type = 'hotline-verification' ORDER BY seq")).map(
      (r: { action: string }) => r.action,
    );

  it('a resident no host can verify becomes verified (method hotline) only after a supervisor approves; both steps are audited and in their access log', async () => {
    const r = await ctx.newResident({}, { verified: false });
    await ctx.newConfirmedCase(r.idNumber);
    expect(await ctx.color(r.token)).toBe('409 VERIFICATION_REQUIRED');

    const filed = await ctx.http.post(ROUTE, filing(r), agent.token);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      residentId: r.residentId,
      status: 'pending',
      documentType: 'household-register',
      requestedBy: agent.id,
      idNumberMasked: expect.stringMatching(/\*/),
    });
    expect(JSON.stringify(filed.body)).not.toContain(r.idNumber);
    // Pending: nothing is proven yet.
    expect((await ctx.http.get('/api/v1/me/profile', r.token)).body.verification.state).toBe('unverified');
    expect(await ctx.color(r.token)).toBe('409 VERIFICATION_REQUIRED');
    const queue = await ctx.http.get(`${ROUTE}?status=pending`, supervisor.token);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(filed.body.id);

    const approved = await ctx.http.post(`${ROUTE}/${filed.body.id}/decision`, { approve: true }, supervisor.token);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: supervisor.id });
    expect((await ctx.http.get('/api/v1/me/profile', r.token)).body.verification).toMatchObject({
      state: 'verified',
      method: 'hotline',
    });
    // Now their own facts count: the confirmed case makes the code red.
    expect(await ctx.color(r.token)).toBe('red');

    const log = (await ctx.http.get('/api/v1/me/access-log', r.token)).body.items;
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'hotline-agent',
          scope: 'identity',
          purpose: expect.stringContaining('filed'),
        }),
        expect.objectContaining({
          role: 'supervisor',
          scope: 'identity',
          purpose: expect.stringContaining('approved'),
        }),
      ]),
    );
    expect(await auditActions()).toEqual(['identity.hotline-filed', 'identity.hotline-approved']);
    const chain = await ctx.http.get('/api/v1/audit/verify', (await ctx.newStaff('auditor', '')).token);
    expect(chain.body.ok).toBe(true);
  });

  it('replaying the approval, or approving a request already decided, is a 409 that changes nothing', async () => {
    const r = await ctx.newResident({}, { verified: false });
    const filed = await ctx.http.post(ROUTE, filing(r), agent.token);
    const decide = () => ctx.http.post(`${ROUTE}/${filed.body.id}/decision`, { approve: true }, supervisor.token);
    expect((await decide()).status).toBe(200);
    const before = await snapshot();
    const again = await decide();
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('This request is already approved');
    const other = await ctx.newStaff('supervisor', '33');
    expect(
      (await ctx.http.post(`${ROUTE}/${filed.body.id}/decision`, { approve: false, note: 'x' }, other.token)).status,
    ).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses, changing nothing: approving one's own filing, the wrong role, out of scope, an ID mismatch, a second pending request", async () => {
    const r = await ctx.newResident({}, { verified: false });
    const someoneElse = await ctx.newResident({}, { verified: false });
    const before = await snapshot();

    // The number on the document is not the profile's (it is another resident's).
    const mismatch = await ctx.http.post(ROUTE, filing(r, { idNumber: someoneElse.idNumber }), agent.token);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('VERIFICATION_REFUSED');
    // A region admin is not the hotline.
    const admin = await ctx.newStaff('region-admin', '33');
    expect((await ctx.http.post(ROUTE, filing(r), admin.token)).status).toBe(403);
    // An agent outside the resident's region (330106).
    const far = await ctx.newStaff('hotline-agent', '42');
    const outside = await ctx.http.post(ROUTE, filing(r), far.token);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('OUT_OF_SCOPE');
    // A short reason, an unknown document type, a bad number: 400 with the field named.
    const bad = await ctx.http.post(ROUTE, filing(r, { reason: 'ok', documentType: 'library-card' }), agent.token);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['documentType', 'reason']);
    // A reason that would display differently from what is stored (a right-to-left override, an escape): 400.
    for (const reason of [
      'Checked the register\u202E.erutangis oN, all good.',
      'Checked the register \u001b[2J today.',
    ]) {
      const spoofed = await ctx.http.post(ROUTE, filing(r, { reason }), agent.token);
      expect(spoofed.status).toBe(400);
      expect(spoofed.body.errors).toEqual([
        expect.objectContaining({ path: 'reason', message: expect.stringContaining('text-direction overrides') }),
      ]);
    }
    const stranger = await ctx.http.post(
      ROUTE,
      filing(r, { residentId: '00000000-0000-4000-8000-000000000000' }),
      agent.token,
    );
    expect(stranger.status).toBe(404);
    expect(await snapshot()).toEqual(before);

    // A supervisor may file, but never decide their own filing; an agent never decides.
    const filed = await ctx.http.post(ROUTE, filing(r), supervisor.token);
    expect(filed.status).toBe(201);
    const pending = await snapshot();
    const own = await ctx.http.post(`${ROUTE}/${filed.body.id}/decision`, { approve: true }, supervisor.token);
    expect(own.status).toBe(403);
    expect(own.body.message).toBe('A different supervisor must decide on this request');
    expect((await ctx.http.post(`${ROUTE}/${filed.body.id}/decision`, { approve: true }, agent.token)).status).toBe(
      403,
    );
    const farSupervisor = await ctx.newStaff('supervisor', '42');
    const farDecision = await ctx.http.post(
      `${ROUTE}/${filed.body.id}/decision`,
      { approve: true },
      farSupervisor.token,
    );
    expect(farDecision.body.code).toBe('OUT_OF_SCOPE');
    expect((await ctx.http.get(`${ROUTE}?status=pending`, farSupervisor.token)).body.items).toEqual([]);
    // One pending request per resident.
    expect((await ctx.http.post(ROUTE, filing(r), agent.token)).status).toBe(409);
    expect((await ctx.http.post(`${ROUTE}/not-a-uuid/decision`, { approve: true }, supervisor.token)).status).toBe(404);
    expect(await snapshot()).toEqual(pending);
    expect((await ctx.http.get('/api/v1/me/profile', r.token)).body.verification.state).toBe('unverified');
  });

  it('a refusal needs a reason, leaves the resident unverified, and is shown to them; a verified resident cannot be filed again', async () => {
    const r = await ctx.newResident({}, { verified: false });
    const twoLines = 'Caller showed the household register on video.\nThe photo looks older than the caller.';
    const filed = await ctx.http.post(ROUTE, filing(r, { reason: twoLines }), agent.token);
    expect(filed.status).toBe(201);
    expect(filed.body.reason).toBe(twoLines);
    const noNote = await ctx.http.post(`${ROUTE}/${filed.body.id}/decision`, { approve: false }, supervisor.token);
    expect(noNote.status).toBe(400);
    const spoofedNote = await ctx.http.post(
      `${ROUTE}/${filed.body.id}/decision`,
      { approve: false, note: 'The photo \u2066does not\u2069 match.' },
      supervisor.token,
    );
    expect(spoofedNote.status).toBe(400);
    expect(spoofedNote.body.errors).toEqual([expect.objectContaining({ path: 'note' })]);
    const refused = await ctx.http.post(
      `${ROUTE}/${filed.body.id}/decision`,
      { approve: false, note: 'The photo on the register does not match the caller.' },
      supervisor.token,
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      note: 'The photo on the register does not match the caller.',
    });
    expect((await ctx.http.get('/api/v1/me/profile', r.token)).body.verification.state).toBe('unverified');
    const log = (await ctx.http.get('/api/v1/me/access-log', r.token)).body.items;
    expect(log[0]).toMatchObject({
      role: 'supervisor',
      scope: 'identity',
      purpose: expect.stringContaining('refused'),
    });
    expect((await ctx.http.get(`${ROUTE}?status=refused`, agent.token)).body.items[0].id).toBe(filed.body.id);

    const verified = await ctx.newResident();
    const again = await ctx.http.post(ROUTE, filing(verified), agent.token);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe("This resident's ID number is already verified");
  });

  it('erasing the account removes its hotline requests', async () => {
    const r = await ctx.newResident({}, { verified: false });
    await ctx.http.post(ROUTE, filing(r), agent.token);
    const held = async () =>
      Number(
        (
          await ctx.db.query('SELECT COUNT(*) n FROM hotline_verifications WHERE resident_id = ?', [
            uuidToBuffer(r.residentId),
          ])
        )[0].n,
      );
    expect(await held()).toBe(1);
    expect((await ctx.http.delete('/api/v1/me', r.token)).status).toBeLessThan(300);
    const row = { n: await held() };
    expect(Number(row.n)).toBe(0);
  });
});
