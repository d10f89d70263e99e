import 'reflect-metadata';

import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RulesService } from '../../src/modules/rules/rules.service';
import { BulkSeedRepository } from '../../src/modules/rescore/bulk-seed.repository';
import { BulkSeedIndexesRepository } from '../../src/modules/rescore/bulk-seed-indexes.repository';
import { BulkSeedService } from '../../src/modules/rescore/bulk-seed.service';
import { mergePreview, type PreviewSlice } from '../../src/modules/rescore/preview-tally.util';
import { RescoreRangeService } from '../../src/modules/rescore/rescore-range.service';
import { type NewRun, RescoreRunRepository } from '../../src/modules/rescore/rescore-run.repository';
import { RulesRepository } from '../../src/modules/rules/rules.repository';
import { compareWithReference } from '../utils/rescore-harness';
import { createRescoreContext, type RescoreContext } from '../utils/rescore-context';

const RESIDENTS = 300;
const clean = { wrong: [], missing: [], counterMismatches: [], duplicateHistory: 0 };

/**
 * The bulk seed on a real database: its codes are exactly what a re-score writes, its counters what a recount
 * gives, a second run writes nothing; and a what-if preview reports exactly what publishing then changes.
 */
describe('BulkSeedService and the preview (medium)', () => {
  let app: INestApplicationContext;
  let ctx: RescoreContext;

  beforeAll(async () => {
    ctx = await createRescoreContext({ providers: [RescoreRangeService] });
    app = ctx.app;
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  const count = async (table: string) =>
    Number((await app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  /** Runs every range of a new run in this process; returns the ranges' outcomes. */
  async function run(fields: Pick<NewRun, 'kind' | 'cause' | 'causeRef' | 'payload'>) {
    const runs = app.get(RescoreRunRepository);
    const now = new Date();
    const runId = await runs.manager.transaction((m) =>
      runs.insert(m, { ...fields, importId: null, availableAt: now, createdBy: null }, now),
    );
    await runs.cutRanges(runId, 64, now);
    const service = app.get(RescoreRangeService);
    const outcomes = [];
    for (const r of await runs.undoneRanges(runId)) outcomes.push(await service.process({ runId, ...r }));
    return { runId, outcomes };
  }

  it('writes residents whose codes a re-score leaves unchanged and whose counters equal a recount', async () => {
    // As the CLI does on a fresh database: secondary indexes dropped, rows appended, the indexes built at the end.
    const service = app.get(BulkSeedService);
    const indexes = app.get(BulkSeedIndexesRepository);
    const before = await indexes.secondaryIndexes();
    expect(before.length).toBeGreaterThan(5);
    await service.prepare();
    const deferred = await service.deferIndexes();
    expect(deferred).toEqual(before);
    expect(await indexes.secondaryIndexes()).toEqual([]);
    expect(await service.seed(RESIDENTS, { fresh: true })).toEqual({
      written: RESIDENTS,
      skipped: 0,
    });
    await service.restoreIndexes(deferred ?? []);
    expect(await indexes.secondaryIndexes()).toEqual(before);
    expect(await service.deferIndexes()).toBeNull();
    expect(await count('residents')).toBe(RESIDENTS);
    expect(await count('declarations')).toBe(RESIDENTS);
    expect(await count("identity_events WHERE kind = 'verified'")).toBe(RESIDENTS);
    expect(await compareWithReference(app)).toEqual({ residents: RESIDENTS, ...clean });

    // A re-score right after seeding, with the rules the seed scored with, rewrites nothing.
    const { outcomes } = await run({ kind: 'publish', cause: 'rules-published', causeRef: 'rules:1', payload: null });
    expect(outcomes.reduce((n, o) => n + o.residents, 0)).toBe(RESIDENTS);
    expect(outcomes.reduce((n, o) => n + o.changed, 0)).toBe(0);
  }, 120_000);

  it('writes nothing twice: the same command again skips every batch already there', async () => {
    expect(await app.get(BulkSeedService).seed(RESIDENTS)).toEqual({ written: 0, skipped: RESIDENTS });
    expect(await count('residents')).toBe(RESIDENTS);
    expect(await count('resident_codes')).toBe(RESIDENTS);
  }, 60_000);

  it('writes the same rows with multi-row INSERTs where the server refuses LOAD DATA LOCAL', async () => {
    const repo = app.get(BulkSeedRepository);
    const spy = jest.spyOn(repo, 'writeMode').mockResolvedValue('insert');
    try {
      expect(await app.get(BulkSeedService).seed(100, { offset: RESIDENTS })).toEqual({ written: 100, skipped: 0 });
    } finally {
      spy.mockRestore();
    }
    expect(await compareWithReference(app)).toEqual({ residents: RESIDENTS + 100, ...clean });
  }, 120_000);

  it('previews exactly the colour changes that publishing the same rules then makes', async () => {
    const total = RESIDENTS + 100;
    app.get(RulesService).invalidate();
    const effective = await app.get(RulesService).effective();
    const definition = {
      ...DEFAULT_RULE_SET,
      version: 2,
      rules: DEFAULT_RULE_SET.rules.map((r) =>
        r.id === 'medium-risk-region' ? { ...r, params: { ...r.params, includeCurrentRegion: true } } : r,
      ),
    };
    const preview = await run({
      kind: 'preview',
      cause: null,
      causeRef: null,
      payload: { ruleSet: definition, riskLevels: effective.riskLevels, ruleSetId: null },
    });
    expect(preview.outcomes.reduce((n, o) => n + o.residents, 0)).toBe(total);
    const summary = mergePreview((await app.get(RescoreRunRepository).results(preview.runId)) as PreviewSlice[]);
    // Nothing written by the preview.
    expect(await count('code_history')).toBe(0);

    const now = new Date();
    await app.get(RulesRepository).insertPublished({
      version: 2,
      definition,
      changelog: { 'zh-CN': 'v2', en: 'v2' },
      authorStaffId: null,
      effectiveAt: new Date('2020-01-01T00:00:00Z'),
      publishedAt: now,
      createdAt: now,
    });
    await run({ kind: 'publish', cause: 'rules-published', causeRef: 'rules:2', payload: null });
    const moved: { color_before: string; color_after: string; n: string }[] = await app
      .get(DataSource)
      .query(
        "SELECT color_before, color_after, COUNT(*) AS n FROM code_history WHERE cause_ref = 'rules:2' AND color_before <> color_after GROUP BY color_before, color_after",
      );
    const expected = moved
      .map((r) => ({ from: r.color_before, to: r.color_after, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count);
    expect(summary.changed).toBeGreaterThan(total * 0.15);
    expect(summary.changed).toBe(expected.reduce((n, t) => n + t.count, 0));
    expect(summary.transitions).toEqual(expected);
    expect(summary.samples.length).toBeGreaterThan(0);
    expect(await compareWithReference(app)).toEqual({ residents: total, ...clean });
  }, 180_000);
});
