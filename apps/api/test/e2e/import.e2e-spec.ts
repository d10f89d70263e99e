import { addDays, cstDate } from '@healthcode/contracts';
import { bulkResidents } from '@healthcode/seed';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

import { decideImport, stageImport } from '../utils/authority-imports';
import { compareWithReference, seedResidents } from '../utils/rescore-harness';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

const RESIDENTS = 300;

describe('authority CSV imports: HMAC on read, per-row errors, idempotent, only matches re-scored', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let approver: string;
  const today = cstDate(new Date());
  const ids = [...bulkResidents(new Date(), RESIDENTS)].map((r) => r.idNumber);

  /** Stages the file as `token`, then (when it was accepted) a second administrator applies it. */
  const upload = async (kind: string, csv: string, token = admin) => {
    const staged = await stageImport(t, token, kind, csv);
    if (staged.status !== 202) return staged;
    return decideImport(t, approver, staged.body.id);
  };

  beforeAll(async () => {
    // The outbox poll is slowed to a minute: these runs are dispatched by the API's nudge after each commit.
    ctx = await E2eContext.create({ env: { RESCORE_RANGE_SIZE: '50', RESCORE_POLL_MS: '60000', LOG_LEVEL: 'warn' } });
    ({ t, db } = ctx);
    await seedResidents(t.config, RESIDENTS);
    await ctx.startWorker();
    admin = (await ctx.newStaff('system-admin', '')).token;
    approver = (await ctx.newStaff('system-admin', '')).token;
  }, 120_000);

  afterAll(() => ctx?.close());

  const casesCsv = [
    'id_number,date,status,cleared_date,region',
    `${ids[0]},${addDays(today, -2)},confirmed,,330106`,
    `${ids[1].toLowerCase()},${addDays(today, -3)},suspected,,330106`,
    `${ids[2]},${addDays(today, -20)},confirmed,${addDays(today, -30)},330106`,
    `110101199001011230,${addDays(today, -2)},confirmed,,330106`,
    `${ids[3]},${addDays(today, 3)},confirmed,,330106`,
    `${ids[4]},${addDays(today, -1)},recovered,,330106`,
    `${ids[5]},${addDays(today, -1)},suspected,,330106`,
    '',
  ].join('\n');

  let firstId = '';
  it('stages the good rows, reports each bad one by line and field, and once approved re-scores only the matched residents', async () => {
    const before = Number((await db.query('SELECT COUNT(*) AS n FROM code_history'))[0].n);
    const staged = await stageImport(t, admin, 'cases', casesCsv);
    expect(staged.status).toBe(202);
    // The uploader sees validation only: no match count, nothing applied, nobody re-scored.
    expect(staged.body).toMatchObject({
      seq: 1,
      status: 'staged',
      rowsTotal: 7,
      rowsValid: 3,
      rowsFailed: 4,
      rowsImported: null,
      matched: null,
      runId: null,
      mine: true,
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM authority_facts'))[0].n)).toBe(0);
    const res = await decideImport(t, approver, staged.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      seq: 1,
      kind: 'cases',
      status: 'applied',
      rowsTotal: 7,
      rowsImported: 3,
      rowsDuplicate: 0,
      rowsFailed: 4,
      matched: 3,
      runId: expect.any(String),
      mine: false,
    });
    expect(res.body.errors).toEqual([
      { line: 4, field: 'cleared_date', message: 'Cannot be before the date' },
      { line: 5, field: 'id_number', message: 'Not a valid resident ID number' },
      { line: 6, field: 'date', message: 'This date is in the future' },
      { line: 7, field: 'status', message: "One of 'confirmed', 'suspected'" },
    ]);
    firstId = res.body.id;
    await ctx.waitForJobs();
    const run = await fetch(`${t.baseUrl}/api/v1/rescore/runs/${res.body.runId}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(await run.json()).toMatchObject({
      kind: 'import',
      causeRef: 'import:1',
      state: 'finished',
      total: 3,
      done: 3,
    });

    const history: { cause_ref: string; color_after: string }[] = await db.query(
      "SELECT cause_ref, color_after FROM code_history WHERE cause = 'authority-import'",
    );
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.cause_ref === 'import:1' && h.color_after === 'red')).toBe(true);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM code_history'))[0].n)).toBe(before + 3);
    expect(await compareWithReference(t.app)).toEqual({
      residents: RESIDENTS,
      wrong: [],
      missing: [],
      counterMismatches: [],
      duplicateHistory: 0,
    });
  });

  it('offers the full error report as a CSV download', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/admin/imports/${firstId}/errors.csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await res.text()).split('\n').slice(0, 3)).toEqual([
      'line,field,message',
      '4,cleared_date,Cannot be before the date',
      '5,id_number,Not a valid resident ID number',
    ]);
  });

  it('is idempotent: the same file again imports nothing and re-scores nobody', async () => {
    const res = await upload('cases', casesCsv);
    expect(res.body).toMatchObject({
      seq: 2,
      rowsImported: 0,
      rowsDuplicate: 3,
      rowsFailed: 4,
      matched: 0,
      runId: null,
    });
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM authority_facts');
    expect(Number(n)).toBe(3);
  });

  it('imports contacts and bookings, and never stores or queues a plain ID number', async () => {
    const contacts = await upload(
      'contacts',
      `id_number,contact_date,region\n${ids[10]},${addDays(today, -1)},330106\n${ids[11]},not-a-date,330106\n`,
    );
    expect(contacts.body).toMatchObject({ rowsImported: 1, rowsFailed: 1, matched: 1 });
    const bookings = await upload(
      'bookings',
      `id_number,mode,from_region,to_region,date\n${ids[12]},train,420103,330106,${addDays(today, -2)}\n${ids[13]},rocket,420103,330106,${today}\n`,
    );
    expect(bookings.body).toMatchObject({ rowsImported: 1, rowsFailed: 1, matched: 1 });
    const wrongFeed = await upload('bookings', 'id_number,contact_date\n1,2\n');
    expect(wrongFeed.status).toBe(400);
    const regional = (await ctx.newStaff('hotline-agent', '33')).token;
    expect((await stageImport(t, regional, 'cases', casesCsv)).status).toBe(403);
    await ctx.waitForJobs();

    const stored =
      JSON.stringify(await db.query('SELECT data, HEX(id_hmac) AS h FROM authority_facts')) +
      JSON.stringify(await db.query('SELECT * FROM authority_import_errors'));
    const redis = new Redis(t.config.redis.url);
    let queued = '';
    for (const key of await redis.keys(`${t.config.redis.queuePrefix}*`)) {
      if ((await redis.type(key)) === 'hash') queued += JSON.stringify(await redis.hgetall(key));
    }
    redis.disconnect();
    for (const id of ids.slice(0, 14)) {
      expect(stored).not.toContain(id);
      expect(queued).not.toContain(id);
    }
    expect(await compareWithReference(t.app)).toEqual({
      residents: RESIDENTS,
      wrong: [],
      missing: [],
      counterMismatches: [],
      duplicateHistory: 0,
    });
  });
});
