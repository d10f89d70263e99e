import 'reflect-metadata';

import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RulesRepository } from '../../src/modules/rules/rules.repository';
import { RescoreRangeService } from '../../src/modules/rescore/rescore-range.service';
import { RescoreRunRepository } from '../../src/modules/rescore/rescore-run.repository';
import { compareWithReference } from '../utils/rescore-harness';
import { createRescoreContext, type RescoreContext } from '../utils/rescore-context';

const RESIDENTS = 400;

/** RescoreRangeService on a real database: each range applies exactly once, whoever runs it and how often. */
describe('RescoreRangeService (medium)', () => {
  let app: INestApplicationContext;
  let ctx: RescoreContext;

  // Each case on a database of its own, seeded with RESIDENTS: they pass alone and in any order.
  beforeEach(async () => {
    ctx = await createRescoreContext({ residents: RESIDENTS, providers: [RescoreRangeService] });
    app = ctx.app;
  }, 120_000);

  afterEach(async () => {
    await ctx?.close();
  });

  async function publish(version: number, includeCurrentRegion: boolean): Promise<void> {
    const now = new Date();
    const definition = {
      ...DEFAULT_RULE_SET,
      version,
      rules: DEFAULT_RULE_SET.rules.map((r) =>
        r.id === 'medium-risk-region' ? { ...r, params: { ...r.params, includeCurrentRegion } } : r,
      ),
    };
    await app.get(RulesRepository).insertPublished({
      version,
      definition,
      changelog: { 'zh-CN': `v${version}`, en: `v${version}` },
      authorStaffId: null,
      effectiveAt: new Date('2020-01-01T00:00:00Z'),
      publishedAt: now,
      createdAt: now,
    });
  }

  /** Publishes `version` and records its run (ranges of 50 cut); returns the run's id. */
  async function publishRun(version: number, includeCurrentRegion: boolean, now = new Date()): Promise<string> {
    await publish(version, includeCurrentRegion);
    const runs = app.get(RescoreRunRepository);
    const runId = await runs.manager.transaction((m) =>
      runs.insert(
        m,
        {
          kind: 'publish',
          cause: 'rules-published',
          causeRef: `rules:${version}`,
          importId: null,
          payload: null,
          availableAt: now,
          createdBy: null,
        },
        now,
      ),
    );
    await runs.cutRanges(runId, 50, now);
    return runId;
  }

  /** Publishes `version` and applies every range of its run once, in this process. */
  async function publishAndRun(version: number, includeCurrentRegion: boolean): Promise<void> {
    const runId = await publishRun(version, includeCurrentRegion);
    const service = app.get(RescoreRangeService);
    for (const r of await app.get(RescoreRunRepository).undoneRanges(runId)) await service.process({ runId, ...r });
  }

  it('applies every range once when two jobs for each range run at the same time, and again is a no-op', async () => {
    const now = new Date();
    const runs = app.get(RescoreRunRepository);
    const runId = await publishRun(2, true, now);
    await runs.cutRanges(runId, 70, now); // a second dispatcher: the ranges are cut once
    const ranges = await runs.undoneRanges(runId);
    expect(ranges).toHaveLength(RESIDENTS / 50);

    const service = app.get(RescoreRangeService);
    const outcomes = await Promise.all(
      ranges.flatMap((r) => [service.process({ runId, ...r }), service.process({ runId, ...r })]),
    );
    expect(outcomes.filter((o) => o.applied)).toHaveLength(ranges.length);
    expect(outcomes.filter((o) => o.applied).reduce((n, o) => n + o.residents, 0)).toBe(RESIDENTS);
    expect(await runs.countUndone(runId)).toBe(0);
    const again = await service.process({ runId, ...ranges[0] });
    expect(again).toEqual({ applied: false, residents: 0, changed: 0 });

    const db = app.get(DataSource);
    const [{ n }] = await db.query("SELECT COUNT(*) AS n FROM code_history WHERE cause_ref = 'rules:2'");
    const changed = outcomes.reduce((sum, o) => sum + o.changed, 0);
    expect(Number(n)).toBeGreaterThan(RESIDENTS * 0.15);
    expect(Number(n)).toBeLessThanOrEqual(changed);
    expect(await compareWithReference(app)).toEqual({
      residents: RESIDENTS,
      wrong: [],
      missing: [],
      counterMismatches: [],
      duplicateHistory: 0,
    });
    expect((await runs.progress(runId)).done).toBe(RESIDENTS);
  });

  const parsed = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  type Notice = { resident_id: Buffer; channel: string; payload: unknown; dedupe_key: string; status: string };
  const notices = async () =>
    (await app
      .get(DataSource)
      .query('SELECT resident_id, channel, payload, dedupe_key, status FROM notification_outbox')) as Notice[];

  it('stages one colour-change message per resident whose colour the run changed, in the same transaction', async () => {
    await publishAndRun(2, true);
    const db = app.get(DataSource);
    const [{ n }] = await db.query(
      "SELECT COUNT(*) AS n FROM code_history WHERE cause_ref = 'rules:2' AND color_before IS NOT NULL AND color_before <> color_after",
    );
    const rows = await notices();
    expect(Number(n)).toBeGreaterThan(0);
    expect(rows).toHaveLength(Number(n));
    for (const row of rows) {
      const payload = parsed(row.payload);
      expect(row.dedupe_key).toMatch(/^color:[0-9a-f-]{36}:\d+$/);
      expect(row.status).toBe('pending');
      expect(payload).toMatchObject({ kind: 'color' });
      expect(payload.color).not.toBe(payload.fromColor);
      if (payload.color !== 'green') {
        expect(payload.reason['zh-CN'].length).toBeGreaterThan(0);
        expect(payload.reason.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('folds a second change in the same hour into the same message, which then says nothing changed', async () => {
    await publishAndRun(2, true);
    const before = await notices();
    expect(before.length).toBeGreaterThan(0);
    await publishAndRun(3, false);
    const after = await notices();
    expect(after).toHaveLength(before.length);
    for (const row of after) {
      const payload = parsed(row.payload);
      expect(payload.color).toBe(payload.fromColor); // back where the hour began: the sender marks it collapsed
    }
  });
});
