import { addDays, ApiErrorCode, cstDate } from '@healthcode/contracts';

import { bufferToUuid, newId } from '../../src/database/uuid-binary.transformer';
import type { StaffPrincipal } from '../../src/modules/auth/session-token.service';
import { AuthorityImportService } from '../../src/modules/authority/authority-import.service';
import { AuthorityWithdrawalService } from '../../src/modules/authority/authority-withdrawal.service';
import { AuthorityModule } from '../../src/modules/authority/authority.module';
import { MediumContext } from '../utils/medium-context';
import { validResidentId } from '../utils/resident.factory';

const staff = (role: StaffPrincipal['role'], regionScope: string): StaffPrincipal => ({
  kind: 'staff',
  staffId: newId(),
  role,
  regionScope,
});

/** Staged imports, their approval, scope refusal and withdrawal, over the real services on MariaDB. */
describe('authority imports: staging, approval, scope, withdrawal (medium)', () => {
  let ctx: MediumContext;
  let imports: AuthorityImportService;
  let withdrawals: AuthorityWithdrawalService;
  const today = cstDate(new Date());
  const header = 'id_number,date,status,cleared_date,region';
  const csv = (...rows: string[]) => Buffer.from(`${header}\n${rows.join('\n')}\n`);
  const count = async (table: string) => Number((await ctx.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const color = async (residentId: string) => (await ctx.codes().currentCode(residentId)).color;

  // Each case on a database of its own (they count whole tables): they pass alone and in any order.
  beforeEach(async () => {
    ctx = await MediumContext.create(new Date(), [AuthorityModule]);
    imports = ctx.get(AuthorityImportService);
    withdrawals = ctx.get(AuthorityWithdrawalService);
  }, 120_000);
  afterEach(() => ctx?.close());

  it('stages valid rows by HMAC only, refuses rows outside scope per row, and applies nothing until approved', async () => {
    const idNumber = validResidentId();
    const residentId = await ctx.newResident({ idNumber });
    const uploader = staff('region-admin', '3301');
    const staged = await imports.upload(
      uploader,
      'cases',
      csv(
        `${idNumber},${addDays(today, -2)},confirmed,,330106`,
        `${validResidentId()},${addDays(today, -2)},confirmed,,420103`,
      ),
    );
    expect(staged).toMatchObject({ status: 'staged', rowsValid: 1, rowsFailed: 1, matched: null, rowsImported: null });
    expect(staged.errors).toEqual([{ line: 3, field: 'region', message: 'Outside your region scope (3301)' }]);
    expect(await count('authority_staged_rows')).toBe(1);
    expect(await count('authority_facts')).toBe(0);
    const stored = JSON.stringify(await ctx.db.query('SELECT data, HEX(id_hmac) AS h FROM authority_staged_rows'));
    expect(stored).not.toContain(idNumber);

    await expect(imports.approve(uploader, staged.id)).rejects.toMatchObject({ code: ApiErrorCode.Forbidden });
    await expect(imports.approve(staff('region-admin', '42'), staged.id)).rejects.toMatchObject({
      code: ApiErrorCode.NotFound,
    });
    expect(await count('authority_facts')).toBe(0);
    expect(await count('rescore_runs')).toBe(0);

    const applied = await imports.approve(staff('region-admin', '33'), staged.id);
    expect(applied).toMatchObject({ status: 'applied', rowsImported: 1, matched: 1, runId: expect.any(String) });
    expect(await count('authority_staged_rows')).toBe(0);
    const [run] = await ctx.db.query('SELECT cause, cause_ref FROM rescore_runs');
    expect(run).toMatchObject({ cause: 'authority-import', cause_ref: `import:${staged.seq}` });
    await ctx.codes().rescoreOne(residentId, 'authority-import', `import:${staged.seq}`);
    expect(await color(residentId)).toBe('red');
    const audit: { action: string }[] = await ctx.db.query(
      "SELECT action FROM audit_log WHERE action LIKE 'import.%' ORDER BY seq",
    );
    expect(audit.map((a) => a.action)).toEqual(['import.staged', 'import.applied']);
  });

  it('two approvals at once apply the import exactly once', async () => {
    const staged = await imports.upload(
      staff('system-admin', ''),
      'cases',
      csv(`${validResidentId()},${addDays(today, -4)},suspected,,330106`),
    );
    const facts = await count('authority_facts');
    const results = await Promise.allSettled([
      imports.approve(staff('system-admin', ''), staged.id),
      imports.approve(staff('system-admin', ''), staged.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: ApiErrorCode.IllegalTransition });
    expect(await count('authority_facts')).toBe(facts + 1);
  });

  it('withdraws a fact after a second approval: the fact leaves scoring and the resident is green again', async () => {
    const idNumber = validResidentId();
    const residentId = await ctx.newResident({ idNumber });
    const staged = await imports.upload(
      staff('system-admin', ''),
      'cases',
      csv(`${idNumber},${addDays(today, -3)},confirmed,,330106`),
    );
    await imports.approve(staff('system-admin', ''), staged.id);
    await ctx.codes().rescoreOne(residentId, 'authority-import', `import:${staged.seq}`);
    expect(await color(residentId)).toBe('red');
    const [fact] = await ctx.db.query('SELECT id FROM authority_facts WHERE import_id = ?', [staged.id]);
    const factId = bufferToUuid(fact.id);

    const supervisor = staff('supervisor', '3301');
    await expect(
      withdrawals.request(staff('supervisor', '42'), { target: 'fact', id: factId, reason: 'not this person' }),
    ).rejects.toMatchObject({ code: ApiErrorCode.OutOfScope });
    const asked = await withdrawals.request(supervisor, { target: 'fact', id: factId, reason: 'not this person' });
    await expect(withdrawals.approve(supervisor, asked.id)).rejects.toMatchObject({ code: ApiErrorCode.Forbidden });
    await expect(withdrawals.approve(staff('supervisor', '42'), asked.id)).rejects.toMatchObject({
      code: ApiErrorCode.OutOfScope,
    });
    expect(await count('authority_withdrawn_facts')).toBe(0);

    const approved = await withdrawals.approve(staff('supervisor', '33'), asked.id);
    expect(approved).toMatchObject({ status: 'approved', facts: 1, runId: expect.any(String) });
    await expect(withdrawals.approve(staff('supervisor', '33'), asked.id)).rejects.toMatchObject({
      code: ApiErrorCode.IllegalTransition,
    });
    expect(await count('authority_withdrawn_facts')).toBe(1);
    const [{ n }] = await ctx.db.query('SELECT COUNT(*) AS n FROM authority_facts WHERE import_id = ?', [staged.id]);
    expect(Number(n)).toBe(0);

    await ctx.codes().rescoreOne(residentId, 'authority-withdrawal', `withdrawal:${asked.seq}`);
    expect(await color(residentId)).toBe('green');
    const history = await ctx.codes().history(residentId);
    expect(history.items[0].causeText.en).toBe('record withdrawn by the authority: not this person');
  });
});
