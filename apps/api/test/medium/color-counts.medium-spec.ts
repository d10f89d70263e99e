import { addDays, cstDate } from '@healthcode/contracts';

import { ColorCountFolder } from '../../src/modules/color-counts/color-count-folder.service';
import { ColorCountsRepository } from '../../src/modules/color-counts/color-counts.repository';
import { regionLevels } from '../../src/modules/color-counts/color-delta.util';
import { MediumContext } from '../utils/medium-context';

/** The colour counters (issue #16): fed through an outbox, folded in the background, exact at every moment. */
describe('colour counters (medium: real MariaDB)', () => {
  let ctx: MediumContext;
  let counts: ColorCountsRepository;
  const today = () => cstDate(ctx.clock.now());

  beforeAll(async () => {
    ctx = await MediumContext.create('2020-02-20T02:00:00Z');
    counts = ctx.get(ColorCountsRepository);
    await ctx.setRisk('420103', 'high');
    await ctx.setRisk('330302', 'medium');
  });
  afterAll(() => ctx?.close());

  /** What every counter must be: a recount of resident_codes, rolled up to every region prefix. */
  async function recount(): Promise<Map<string, number>> {
    const rows: { region: string; color: string; n: string }[] = await ctx.db.query(
      'SELECT region, color, COUNT(*) AS n FROM resident_codes GROUP BY region, color',
    );
    const expected = new Map<string, number>();
    for (const r of rows)
      for (const level of regionLevels(r.region))
        expected.set(`${level}|${r.color}`, (expected.get(`${level}|${r.color}`) ?? 0) + Number(r.n));
    return expected;
  }

  const nonZero = (rows: { region: string; color: string; count: number }[]) =>
    new Map(rows.filter((r) => r.count !== 0).map((r) => [`${r.region}|${r.color}`, r.count]));

  const folded = async () =>
    nonZero(
      ((await ctx.db.query('SELECT region, color, count FROM color_counts')) as { count: string }[]).map((r) => ({
        ...(r as unknown as { region: string; color: string }),
        count: Number(r.count),
      })),
    );

  /**
   * Code writes can still be landing from the steps before (verification finishes asynchronously), so each
   * comparison is retried briefly: what must hold is equality once writes stop, not at one instant.
   */
  async function eventually(check: () => Promise<void>): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        return await check();
      } catch (error) {
        if (i >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  const foldAll = async () => {
    while ((await counts.fold()) > 0);
  };

  it('equal a recount while changes wait in the outbox, and after they are folded', async () => {
    const stay = (region: string) => ({ stays: [{ region, from: addDays(today(), -2), to: addDays(today(), -1) }] });
    // Concurrent sign-ups and declarations across regions: each writes only outbox rows, no shared counter row.
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ctx.newResident({ homeRegion: i % 2 ? '330106' : '420103' }, i % 3 === 0 ? stay('420103') : undefined),
      ),
    );
    await Promise.all(ids.slice(0, 4).map((id) => ctx.declare(id, stay('330302'))));

    await eventually(async () => expect(nonZero(await counts.all())).toEqual(await recount()));
    await eventually(async () => {
      const country = await counts.current('');
      expect(nonZero(country.filter((r) => r.region === ''))).toEqual(
        new Map([...(await recount())].filter(([k]) => k.startsWith('|'))),
      );
    });

    await ctx.get(ColorCountFolder).tick();
    await eventually(async () => {
      await foldAll();
      expect(await counts.pending()).toBe(0);
      expect(await folded()).toEqual(await recount());
    });
    expect(nonZero(await counts.all())).toEqual(await recount());
    // Today's snapshot is the folded count.
    const days = await counts.days('', today());
    const green = (await recount()).get('|green');
    expect(days.find((d) => d.day === today() && d.color === 'green')?.count).toBe(green);
  });

  it('folds from several callers at once (one holds the lock, the others skip), and the counts stay exact', async () => {
    await Promise.all(Array.from({ length: 6 }, () => ctx.newResident({ homeRegion: '330106' })));
    await Promise.all([counts.fold(), counts.fold(), counts.fold(), ctx.get(ColorCountFolder).tick()]);
    await eventually(async () => {
      await foldAll();
      expect(await folded()).toEqual(await recount());
    });
  });

  it('snapshots each day after that day’s changes, and adds pending changes to their day and later ones', async () => {
    await foldAll();
    const region = '990101';
    const [d1, d2] = [addDays(today(), 1), addDays(today(), 2)];
    await ctx.db.transaction(async (m) => {
      await counts.apply(m, [{ region, color: 'green', delta: 5 }], d1);
      await counts.apply(m, [{ region, color: 'green', delta: -2 }], d2);
    });
    const pendingView = await counts.days(region, d1);
    expect(pendingView.filter((d) => d.color === 'green').map((d) => [d.day, d.count])).toEqual([
      [d1, 5],
      [d2, 3],
    ]);
    await foldAll();
    const foldedView = await counts.days(region, d1);
    expect(foldedView).toEqual(pendingView);
    // Undo the synthetic rows so the other cases' recounts hold.
    await ctx.db.query("DELETE FROM color_counts WHERE region = '990101'");
  });
});
