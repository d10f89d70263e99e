import { addDays, cstDate } from '@healthcode/contracts';

import { CodeRepository } from '../../src/modules/code/code.repository';
import { MediumContext } from '../utils/medium-context';

describe('CodeService (medium: real MariaDB)', () => {
  let ctx: MediumContext;
  const today = () => cstDate(ctx.clock.now());

  beforeAll(async () => {
    ctx = await MediumContext.create('2020-02-20T02:00:00Z');
    await ctx.setRisk('420103', 'high');
    await ctx.setRisk('330302', 'medium');
  });
  afterAll(() => ctx?.close());

  it('stores a green code with one history row when the ID number is verified', async () => {
    const id = await ctx.newResident();
    const row = await ctx.get(CodeRepository).find(id);
    expect(row?.color).toBe('green');
    expect(row?.codeId).toMatch(/^[A-Za-z0-9_-]{16,32}$/);
    const { items } = await ctx.codes().history(id);
    expect(items.map((h) => [h.cause, h.colorBefore, h.colorAfter])).toEqual([['verified', null, 'green']]);
  });

  it('records a history row only when colour, reasons or greenAt change, and exactly once per cause', async () => {
    const id = await ctx.newResident(
      {},
      { stays: [{ region: '330302', from: addDays(today(), -3), to: addDays(today(), -1) }] },
    );
    const before = (await ctx.codes().history(id)).items.length;
    await ctx.codes().rescoreOne(id, 'rules-published', 'rules:2');
    await ctx.codes().rescoreOne(id, 'rules-published', 'rules:2');
    expect((await ctx.codes().history(id)).items.length).toBe(before);
    await ctx.setRisk('330302', 'high', '2020-02-01T00:00:00Z');
    await ctx.codes().rescoreOne(id, 'rules-published', 'rules:3');
    await ctx.codes().rescoreOne(id, 'rules-published', 'rules:3');
    const { items } = await ctx.codes().history(id);
    expect(items.length).toBe(before + 1);
    expect(items[0]).toMatchObject({ cause: 'rules-published', colorBefore: 'yellow', colorAfter: 'red' });
    expect(items[0].causeText.en).toBe('rules v3 published');
  });

  it('bumps the code version on a colour change only, keeping the random code id', async () => {
    const id = await ctx.newResident();
    const repo = ctx.get(CodeRepository);
    const first = await repo.find(id);
    await ctx.declare(id, { stays: [{ region: '420103', from: addDays(today(), -2), to: addDays(today(), -1) }] });
    const second = await repo.find(id);
    expect(second?.codeId).toBe(first?.codeId);
    expect(second?.codeVersion).toBe((first?.codeVersion ?? 0) + 1);
    await ctx.declare(id, { stays: [{ region: '420103', from: addDays(today(), -2), to: addDays(today(), -1) }] });
    expect((await repo.find(id))?.codeVersion).toBe(second?.codeVersion);
  });

  it('re-evaluates a stale code on read, so a passed greenAt shows green with the cause "expired"', async () => {
    const id = await ctx.newResident(
      {},
      { stays: [{ region: '420103', from: addDays(today(), -5), to: addDays(today(), -4) }] },
    );
    const red = await ctx.codes().currentCode(id);
    expect(red.color).toBe('red');
    expect(red.greenAt).not.toBeNull();
    const saved = ctx.clock.now();
    ctx.clock.set(`${red.greenAt}T12:00:00+08:00`);
    const later = await ctx.codes().currentCode(id);
    expect(later.color).toBe('green');
    expect((await ctx.codes().history(id)).items[0]).toMatchObject({ cause: 'expiry', colorAfter: 'green' });
    ctx.clock.set(saved);
  });

  it('serves a rendered code per process only while its row revision is current', async () => {
    const id = await ctx.newResident();
    const first = await ctx.codes().currentCode(id);
    expect(await ctx.codes().currentCode(id)).toEqual(first);
    const db = ctx.db;
    const key = [Buffer.from(id.replace(/-/g, ''), 'hex')];
    // Every writer bumps the revision; a row changed without it is, by contract, not re-read.
    await db.query('UPDATE resident_codes SET green_when = \'{"en":"x","zh":"x"}\' WHERE resident_id = ?', key);
    expect((await ctx.codes().currentCode(id)).greenWhen).toEqual(first.greenWhen);
    // Another process (or the worker's bulk path) rewrites the row: the next fetch shows it.
    await db.query(
      "UPDATE resident_codes SET color = 'yellow', code_version = code_version + 1, revision = revision + 1 WHERE resident_id = ?",
      key,
    );
    const changed = await ctx.codes().currentCode(id);
    expect(changed.color).toBe('yellow');
    expect(changed.greenWhen).toEqual({ en: 'x', zh: 'x' });
    expect(changed.token).not.toBe(first.token);
    // The single-resident write path bumps it too.
    await ctx.codes().rescoreOne(id, 'declaration', 'cache-test');
    expect((await ctx.codes().currentCode(id)).color).toBe('green');
  });

  it('signs up many residents at once without a deadlock surfacing as an error', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => ctx.newResident()));
    const rows = await Promise.all(ids.map((id) => ctx.get(CodeRepository).find(id)));
    expect(rows.every((r) => r?.color === 'green')).toBe(true);
  });

  it('never lets the home region change the result', async () => {
    const stays = [{ region: '330106', from: addDays(today(), -3), to: addDays(today(), -1) }];
    const a = await ctx.newResident({ homeRegion: '420103' }, { stays });
    const b = await ctx.newResident({ homeRegion: '110101' }, { stays });
    const [ea, eb] = await Promise.all([ctx.codes().evaluate(a), ctx.codes().evaluate(b)]);
    expect(ea?.evaluation).toEqual(eb?.evaluation);
  });
});
