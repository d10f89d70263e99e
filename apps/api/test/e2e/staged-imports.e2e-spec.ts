import { addDays, cstDate } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { bufferToUuid, uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { decideImport, importApproved, stageImport } from '../utils/authority-imports';
import { validResidentId } from '../utils/resident.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/**
 * Imports take two people and can be taken back: an upload is staged (the uploader sees per-row validation
 * only), a second staff member in scope applies it, and a supervisor's withdrawal, once a second person
 * approves, removes the facts and re-scores the residents, whose history quotes the reason.
 */
describe('staged imports and withdrawals (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let db: DataSource;
  let http: E2eContext['http'];
  const today = cstDate(new Date());
  const header = 'id_number,date,status,cleared_date,region';
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const color = async (token: string) => (await http.get('/api/v1/me/code', token)).body.color as string;

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { LOG_LEVEL: 'warn' } });
    ({ t, db, http } = ctx);
    await ctx.startWorker();
  }, 120_000);

  afterAll(() => ctx?.close());

  it('refuses self-approval, a wrong role, an approver out of scope and a replay; nothing changes until a valid approval', async () => {
    const uploader = await ctx.newStaff('region-admin', '3301');
    const colleague = await ctx.newStaff('region-admin', '33');
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const hubei = await ctx.newStaff('region-admin', '42');
    const resident = await ctx.newResident();
    const staged = await stageImport(
      t,
      uploader.token,
      'cases',
      `${header}\n${resident.idNumber},${addDays(today, -2)},confirmed,,330106\n`,
    );
    expect(staged.status).toBe(202);
    const id = staged.body.id as string;
    const facts = await count('authority_facts');
    const runsBefore = await count('rescore_runs');

    const self = await decideImport(t, uploader.token, id);
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('A second staff member must approve: you uploaded this file');
    expect((await decideImport(t, agent.token, id)).status).toBe(403);
    // Outside the import's scope it answers as if there were no such import.
    const outside = await decideImport(t, hubei.token, id);
    expect(outside.status).toBe(404);
    expect(outside.body.message).toBe('No such import');
    expect(await count('authority_facts')).toBe(facts);
    expect(await count('rescore_runs')).toBe(runsBefore);
    expect(await color(resident.token)).toBe('green');
    expect((await http.get(`/api/v1/admin/imports/${id}`, uploader.token)).body).toMatchObject({
      status: 'staged',
      matched: null,
    });

    const applied = await decideImport(t, colleague.token, id);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: 'applied', rowsImported: 1, matched: 1 });
    await ctx.waitForJobs();
    expect(await color(resident.token)).toBe('red');

    const runs = await count('rescore_runs');
    const replay = await decideImport(t, colleague.token, id);
    expect(replay.status).toBe(409);
    expect(replay.body.message).toBe('This import was already applied');
    expect(await count('authority_facts')).toBe(facts + 1);
    expect(await count('rescore_runs')).toBe(runs);
    expect(await count('authority_staged_rows')).toBe(0);

    // The refused attempts are in the audit log.
    const refused: { n: string }[] = await db.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'staff.refused'",
    );
    expect(Number(refused[0].n)).toBeGreaterThanOrEqual(2);
  });

  it('answers an unregistered ID number, a registered one and one living outside the scope with the same row result', async () => {
    const uploader = await ctx.newStaff('region-admin', '3301');
    const local = await ctx.newResident();
    const fromBeijing = await ctx.newResident({ homeRegion: '110101' });
    const answers = [];
    for (const idNumber of [local.idNumber, fromBeijing.idNumber, validResidentId()]) {
      const staged = await stageImport(
        t,
        uploader.token,
        'cases',
        `${header}\n${idNumber},${addDays(today, -2)},suspected,,330106\n`,
      );
      expect(staged.status).toBe(202);
      const { id: _id, seq: _seq, createdAt: _at, ...rest } = staged.body;
      answers.push(rest);
    }
    expect(answers[0]).toMatchObject({ rowsTotal: 1, rowsValid: 1, rowsFailed: 0, matched: null, errors: [] });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const staged = await stageImport(
      t,
      uploader.token,
      'cases',
      `${header}\n${local.idNumber},${addDays(today, -2)},suspected,,330106\n`,
    );
    const rejected = await decideImport(t, uploader.token, staged.body.id, 'reject');
    expect(rejected.body).toMatchObject({ status: 'rejected', matched: null });
    // Only the three single-row files are still waiting.
    expect(await count('authority_staged_rows')).toBe(3);
    expect(await color(local.token)).toBe('green');
  });

  it('stores at most 1,000 error rows per import and counts the rest', async () => {
    const admin = await ctx.newStaff('system-admin', '');
    const bad = Array.from({ length: 1_200 }, () => `x,${addDays(today, -2)},confirmed,,330106`);
    const staged = await stageImport(t, admin.token, 'cases', `${header}\n${bad.join('\n')}\n`);
    expect(staged.status).toBe(202);
    expect(staged.body).toMatchObject({ rowsFailed: 1_200, rowsValid: 0, errorsOmitted: 200 });
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM authority_import_errors WHERE import_id = ?', [
      uuidToBuffer(staged.body.id),
    ]);
    expect(Number(n)).toBe(1_000);
    const report = await fetch(`${t.baseUrl}/api/v1/admin/imports/${staged.body.id}/errors.csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const lines = (await report.text()).trim().split('\n');
    expect(lines).toHaveLength(1 + 1_000 + 1);
    expect(lines.at(-1)).toBe(',,200 more errors not stored');
  });

  it('withdraws a fact with a reason after a second approval; the resident is re-scored and reads the reason', async () => {
    const uploader = await ctx.newStaff('system-admin', '');
    const approver = await ctx.newStaff('system-admin', '');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const second = await ctx.newStaff('supervisor', '3301');
    const agent = await ctx.newStaff('hotline-agent', '33');
    const outsider = await ctx.newStaff('supervisor', '42');
    const resident = await ctx.newResident();
    await importApproved(
      t,
      uploader.token,
      approver.token,
      'contacts',
      `id_number,contact_date,region\n${resident.idNumber},${addDays(today, -1)},330106\n`,
    );
    await ctx.waitForJobs();
    expect(await color(resident.token)).not.toBe('green');
    const [row] = await db.query(
      "SELECT id FROM authority_facts WHERE kind = 'contact' ORDER BY created_at DESC LIMIT 1",
    );
    const fact = { id: bufferToUuid(row.id) };

    const reason = 'contact list of another household';
    const bad = await http.post(
      '/api/v1/admin/withdrawals',
      { target: 'fact', id: fact.id, reason: '' },
      supervisor.token,
    );
    expect(bad.status).toBe(400);
    expect(
      (await http.post('/api/v1/admin/withdrawals', { target: 'fact', id: fact.id, reason }, agent.token)).status,
    ).toBe(403);
    expect(
      (await http.post('/api/v1/admin/withdrawals', { target: 'fact', id: fact.id, reason }, outsider.token)).status,
    ).toBe(403);
    const asked = await http.post(
      '/api/v1/admin/withdrawals',
      { target: 'fact', id: fact.id, reason },
      supervisor.token,
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', region: '330106', mine: true, facts: null });
    const wid = asked.body.id as string;

    expect((await http.post(`/api/v1/admin/withdrawals/${wid}/approve`, {}, supervisor.token)).status).toBe(403);
    expect((await http.post(`/api/v1/admin/withdrawals/${wid}/approve`, {}, outsider.token)).status).toBe(403);
    expect(await count('authority_withdrawn_facts')).toBe(0);
    expect(await color(resident.token)).not.toBe('green');

    const approved = await http.post(`/api/v1/admin/withdrawals/${wid}/approve`, {}, second.token);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', facts: 1, runId: expect.any(String) });
    expect((await http.post(`/api/v1/admin/withdrawals/${wid}/approve`, {}, second.token)).status).toBe(409);
    await ctx.waitForJobs();
    expect(await color(resident.token)).toBe('green');
    expect(await count('authority_withdrawn_facts')).toBe(1);
    const history = (await http.get('/api/v1/me/code/history', resident.token)).body.items;
    expect(history[0]).toMatchObject({ cause: 'authority-withdrawal', colorAfter: 'green' });
    expect(history[0].causeText.en).toBe(`record withdrawn by the authority: ${reason}`);
  });

  it('withdraws a whole import', async () => {
    const uploader = await ctx.newStaff('region-admin', '3301');
    const approver = await ctx.newStaff('region-admin', '3301');
    const supervisor = await ctx.newStaff('supervisor', '3301');
    const a = await ctx.newResident();
    const b = await ctx.newResident();
    const applied = await importApproved(
      t,
      uploader.token,
      approver.token,
      'cases',
      `${header}\n${a.idNumber},${addDays(today, -2)},confirmed,,330106\n${b.idNumber},${addDays(today, -3)},suspected,,330102\n`,
    );
    await ctx.waitForJobs();
    expect([await color(a.token), await color(b.token)]).toEqual(['red', expect.not.stringMatching('green')]);
    const asked = await http.post(
      '/api/v1/admin/withdrawals',
      { target: 'import', id: applied.body.id, reason: 'file sent to the wrong county' },
      supervisor.token,
    );
    expect(asked.body).toMatchObject({ target: 'import', region: '3301' });
    const approved = await http.post(`/api/v1/admin/withdrawals/${asked.body.id}/approve`, {}, approver.token);
    expect(approved.body).toMatchObject({ status: 'approved', facts: 2 });
    await ctx.waitForJobs();
    expect([await color(a.token), await color(b.token)]).toEqual(['green', 'green']);
  });
});
