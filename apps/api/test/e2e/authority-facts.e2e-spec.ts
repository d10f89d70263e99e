import { addDays, cstDate } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { decideImport, stageImport } from '../utils/authority-imports';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/**
 * Authority facts have a lifecycle: a later row with the same stable key corrects the fact on file (never a
 * second fact), the resident is re-scored and their history says what changed; rows are accepted only where
 * the importer's scope covers the place the fact happened, whatever the resident's home region.
 */
describe('authority facts: corrections in place, back to green, scope by where it happened (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let db: DataSource;
  let http: E2eContext['http'];
  let admin: string;
  let approver: string;
  const today = cstDate(new Date());

  /** Stages as `token`; a second staff member of the same scope applies it; waits for the re-scoring. */
  const upload = async (kind: string, csv: string, token = admin, second = approver) => {
    const staged = await stageImport(t, token, kind, csv);
    if (staged.status !== 202) return staged;
    const applied = await decideImport(t, second, staged.body.id);
    await ctx.waitForJobs();
    return applied;
  };
  const factCount = async () => Number((await db.query('SELECT COUNT(*) AS n FROM authority_facts'))[0].n);

  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { LOG_LEVEL: 'warn' } });
    ({ t, db, http } = ctx);
    await ctx.startWorker();
    admin = (await ctx.newStaff('system-admin', '')).token;
    approver = (await ctx.newStaff('system-admin', '')).token;
  }, 120_000);

  afterAll(() => ctx?.close());

  it('a cleared case re-imported for the same person and date updates the fact and brings them back to green', async () => {
    const resident = await ctx.newResident();
    expect(await ctx.color(resident.token)).toBe('green');
    const header = 'id_number,date,status,cleared_date,region';
    const first = await upload('cases', `${header}\n${resident.idNumber},${addDays(today, -20)},confirmed,,330106\n`);
    expect(first.body).toMatchObject({ rowsImported: 1, rowsUpdated: 0, rowsFailed: 0 });
    expect(await ctx.color(resident.token)).toBe('red');
    const facts = await factCount();

    const cleared = addDays(today, -15);
    const second = await upload(
      'cases',
      `${header}\n${resident.idNumber},${addDays(today, -20)},confirmed,${cleared},330106\n`,
    );
    expect(second.body).toMatchObject({ rowsImported: 0, rowsUpdated: 1, rowsDuplicate: 0, rowsFailed: 0 });
    expect(await factCount()).toBe(facts);
    expect(await ctx.color(resident.token)).toBe('green');

    const history = (await http.get('/api/v1/me/code/history', resident.token)).body.items;
    const latest = history.find(
      (h: { colorAfter: string; cause: string }) => h.colorAfter === 'green' && h.cause === 'authority-import',
    );
    expect(latest.causeText.en).toBe(`case record updated by import #${second.body.seq}: cleared ${cleared}`);
    expect(latest.causeText['zh-CN']).toBe(`病例记录已由卫健部门数据导入 #${second.body.seq} 更新：${cleared} 解除`);

    // The same correction again changes nothing and re-scores nobody.
    const again = await upload(
      'cases',
      `${header}\n${resident.idNumber},${addDays(today, -20)},confirmed,${cleared},330106\n`,
    );
    expect(again.body).toMatchObject({ rowsImported: 0, rowsUpdated: 0, rowsDuplicate: 1, runId: null });
  });

  it('a case id lets the authority correct the date itself', async () => {
    const resident = await ctx.newResident();
    const header = 'case_id,id_number,date,status,cleared_date,region';
    await upload('cases', `${header}\nHZ-2026-0001,${resident.idNumber},${addDays(today, -3)},confirmed,,330106\n`);
    expect(await ctx.color(resident.token)).toBe('red');
    const facts = await factCount();
    const fixed = await upload(
      'cases',
      `${header}\nHZ-2026-0001,${resident.idNumber},${addDays(today, -25)},confirmed,${addDays(today, -16)},330106\n`,
    );
    expect(fixed.body).toMatchObject({ rowsImported: 0, rowsUpdated: 1 });
    expect(await factCount()).toBe(facts);
    expect(await ctx.color(resident.token)).toBe('green');
    const history = (await http.get('/api/v1/me/code/history', resident.token)).body.items;
    expect(history[0].causeText.en).toBe(
      `case record updated by import #${fixed.body.seq}: date corrected to ${addDays(today, -25)}, cleared ${addDays(today, -16)}`,
    );
  });

  it('refuses rows registered outside the importer’s scope, and judges by where the fact happened, not the home region', async () => {
    const hangzhou = (await ctx.newStaff('region-admin', '3301')).token;
    const hangzhou2 = (await ctx.newStaff('region-admin', '3301')).token;
    const fromBeijing = await ctx.newResident({ homeRegion: '110101' });
    const local = await ctx.newResident();
    const res = await upload(
      'contacts',
      `id_number,contact_date,region\n${fromBeijing.idNumber},${addDays(today, -1)},330106\n${local.idNumber},${addDays(today, -1)},420103\n`,
      hangzhou,
      hangzhou2,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rowsImported: 1, rowsFailed: 1 });
    expect(res.body.errors).toEqual([{ line: 3, field: 'region', message: 'Outside your region scope (3301)' }]);
    expect(await ctx.color(fromBeijing.token)).not.toBe('green');
    expect(await ctx.color(local.token)).toBe('green');

    // Hubei's administrator cannot rewrite the contact Hangzhou registered, even by naming a Hubei region.
    const hubei = (await ctx.newStaff('region-admin', '42')).token;
    const hubei2 = (await ctx.newStaff('region-admin', '42')).token;
    const takeover = await upload(
      'contacts',
      `id_number,contact_date,region\n${fromBeijing.idNumber},${addDays(today, -1)},420103\n`,
      hubei,
      hubei2,
    );
    expect(takeover.body).toMatchObject({ rowsImported: 0, rowsUpdated: 0, rowsFailed: 1 });
    expect(takeover.body.errors).toEqual([
      { line: 2, field: 'region', message: 'The record on file was registered outside your region scope (42)' },
    ]);
    const [{ region }] = await db.query('SELECT region FROM authority_facts WHERE kind = ? ORDER BY created_at DESC', [
      'contact',
    ]);
    expect(region).toBe('330106');
  });
});
