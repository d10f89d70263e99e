import 'reflect-metadata';

import { cstDate } from '@healthcode/contracts';
import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { bufferToUuid, newId, uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { ColorCountsRepository } from '../../src/modules/color-counts/color-counts.repository';
import { RulesService } from '../../src/modules/rules/rules.service';
import { BulkSeedRepository } from '../../src/modules/rescore/bulk-seed.repository';
import { BulkSeedIndexesRepository } from '../../src/modules/rescore/bulk-seed-indexes.repository';
import { BulkSeedService } from '../../src/modules/rescore/bulk-seed.service';
import { mergePreview, type PreviewSlice } from '../../src/modules/rescore/preview-tally.util';
import { RangeFactsRepository } from '../../src/modules/rescore/range-facts.repository';
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

  // Each case on a database of its own: they pass alone and in any order.
  beforeEach(async () => {
    ctx = await createRescoreContext({ providers: [RescoreRangeService] });
    app = ctx.app;
  }, 120_000);

  afterEach(async () => {
    await ctx?.close();
  });

  /** RESIDENTS generated residents, as `seed-bulk` writes them on a database that already has its indexes. */
  const seeded = async () =>
    expect(await app.get(BulkSeedService).seed(RESIDENTS)).toEqual({ written: RESIDENTS, skipped: 0 });

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

  /** Previews a rule set over every range, checks that every resident was counted, and merges the ranges' results. */
  async function previewAll(
    definition: unknown,
    riskLevels: unknown,
    total: number,
  ): Promise<ReturnType<typeof mergePreview>> {
    const preview = await run({
      kind: 'preview',
      cause: null,
      causeRef: null,
      payload: { ruleSet: definition, riskLevels, ruleSetId: null },
    });
    expect(preview.outcomes.reduce((n, o) => n + o.residents, 0)).toBe(total);
    return mergePreview((await app.get(RescoreRunRepository).results(preview.runId)) as PreviewSlice[]);
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
    await seeded();
    expect(await app.get(BulkSeedService).seed(RESIDENTS)).toEqual({ written: 0, skipped: RESIDENTS });
    expect(await count('residents')).toBe(RESIDENTS);
    expect(await count('resident_codes')).toBe(RESIDENTS);
  }, 60_000);

  it('writes the same rows with multi-row INSERTs where the server refuses LOAD DATA LOCAL', async () => {
    const repo = app.get(BulkSeedRepository);
    await seeded();
    const spy = jest.spyOn(repo, 'writeMode').mockResolvedValue('insert');
    try {
      expect(await app.get(BulkSeedService).seed(100, { offset: RESIDENTS })).toEqual({ written: 100, skipped: 0 });
    } finally {
      spy.mockRestore();
    }
    expect(await compareWithReference(app)).toEqual({ residents: RESIDENTS + 100, ...clean });
  }, 120_000);

  it('previews exactly the colour changes that publishing the same rules then makes', async () => {
    await seeded();
    const total = RESIDENTS;
    app.get(RulesService).invalidate();
    const effective = await app.get(RulesService).effective();
    const definition = {
      ...DEFAULT_RULE_SET,
      version: 2,
      rules: DEFAULT_RULE_SET.rules.map((r) =>
        r.id === 'medium-risk-region' ? { ...r, params: { ...r.params, includeCurrentRegion: true } } : r,
      ),
    };
    const summary = await previewAll(definition, effective.riskLevels, total);
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
  it('counts residents with facts of their own one by one, and equal inputs with other stored colours apart', async () => {
    await seeded();
    const db = app.get(DataSource);
    const total = RESIDENTS;
    const now = new Date();
    const today = cstDate(now);
    const hex = (b: Buffer) => b.toString('hex');
    // Green residents in id order: the first two are in the first range (ranges of 64).
    const green: { id: Buffer; id_hmac: Buffer; region: string }[] = await db.query(
      "SELECT r.id, r.id_hmac, c.region FROM residents r JOIN resident_codes c ON c.resident_id = r.id WHERE c.color = 'green' ORDER BY r.id LIMIT 8",
    );
    expect(green).toHaveLength(8);
    const [twinA, twinB, checkedIn, overridden, redeclared, casePerson, pending] = green;
    const counts = app.get(ColorCountsRepository);
    await db.transaction(async (m) => {
      // twinB gets twinA's inputs and code, so both have the same inputs; then twinA's stored colour alone turns red.
      await m.query(
        `UPDATE residents b JOIN residents a ON a.id = ? SET b.home_region = a.home_region, b.current_region = a.current_region WHERE b.id = ?`,
        [twinA.id, twinB.id],
      );
      await m.query(
        `UPDATE declarations b JOIN declarations a ON a.resident_id = ?
            SET b.current_region = a.current_region, b.stays = a.stays, b.symptoms = a.symptoms, b.contact_date = a.contact_date
          WHERE b.resident_id = ?`,
        [twinA.id, twinB.id],
      );
      await m.query(
        `UPDATE resident_codes b JOIN resident_codes a ON a.resident_id = ?
            SET b.reasons = a.reasons, b.green_at = a.green_at, b.green_when = a.green_when, b.steps = a.steps,
                b.region = a.region, b.stale_at = a.stale_at
          WHERE b.resident_id = ?`,
        [twinA.id, twinB.id],
      );
      await counts.move(m, { region: twinB.region, color: 'green' }, { region: twinA.region, color: 'green' }, today);
      await m.query("UPDATE resident_codes SET color = 'red' WHERE resident_id = ?", [twinA.id]);
      await counts.move(m, { region: twinA.region, color: 'green' }, { region: twinA.region, color: 'red' }, today);
      // Facts of their own, which the stored codes do not reflect yet.
      await m.query(
        `INSERT INTO check_ins (id, resident_id, day, healthy, temperature, symptoms, created_at) VALUES (?, ?, ?, 0, 38.6, '[]', NOW(3))`,
        [uuidToBuffer(newId()), checkedIn.id, today],
      );
      const override = `INSERT INTO staff_overrides (id, resident_id, color, until, reason, status, created_by, created_at)
                        VALUES (?, ?, 'red', ?, 'medium spec', ?, ?, NOW(3))`;
      const until = cstDate(new Date(now.getTime() + 7 * 86_400_000));
      await m.query(override, [uuidToBuffer(newId()), overridden.id, until, 'active', uuidToBuffer(newId())]);
      await m.query(override, [uuidToBuffer(newId()), pending.id, until, 'pending', uuidToBuffer(newId())]);
      await m.query(
        `INSERT INTO declarations (id, resident_id, current_region, stays, symptoms, contact_date, declared_at)
         VALUES (?, ?, '420103', '[]', '[]', NULL, NOW(3) + INTERVAL 1 SECOND)`,
        [uuidToBuffer(newId()), redeclared.id],
      );
      await m.query(
        `INSERT INTO authority_facts (id, kind, id_hmac, data, row_hash, import_id, created_at) VALUES (?, 'case', ?, ?, ?, NULL, NOW(3))`,
        [
          uuidToBuffer(newId()),
          casePerson.id_hmac,
          JSON.stringify({ status: 'confirmed', date: today, clearedDate: null }),
          Buffer.alloc(32, 7),
        ],
      );
    });
    expect(hex(twinA.id) < hex(twinB.id)).toBe(true);

    // The rules in force, as a new version: only these residents can change.
    app.get(RulesService).invalidate();
    const effective = await app.get(RulesService).effective();
    const definition = { ...effective.ruleSet, version: effective.version + 1 };
    const summary = await previewAll(definition, effective.riskLevels, total);

    await app.get(RulesRepository).insertPublished({
      version: definition.version,
      definition,
      changelog: { 'zh-CN': 'v3', en: 'v3' },
      authorStaffId: null,
      effectiveAt: new Date('2020-01-01T00:00:00Z'),
      publishedAt: now,
      createdAt: now,
    });
    const causeRef = `rules:${definition.version}`;
    await run({ kind: 'publish', cause: 'rules-published', causeRef, payload: null });
    const moved: { resident_id: Buffer; color_before: string; color_after: string }[] = await db.query(
      'SELECT resident_id, color_before, color_after FROM code_history WHERE cause_ref = ? AND color_before <> color_after',
      [causeRef],
    );
    const changedIds = moved.map((r) => hex(r.resident_id)).sort();
    // twinA (stored red, scores green), and each resident whose own facts now count; not twinB, nor a pending override.
    expect(changedIds).toEqual([twinA, checkedIn, overridden, redeclared, casePerson].map((r) => hex(r.id)).sort());
    expect(moved.find((r) => hex(r.resident_id) === hex(twinA.id))).toMatchObject({
      color_before: 'red',
      color_after: 'green',
    });
    const expected = new Map<string, number>();
    for (const r of moved)
      expected.set(`${r.color_before}>${r.color_after}`, (expected.get(`${r.color_before}>${r.color_after}`) ?? 0) + 1);
    expect(summary.changed).toBe(moved.length);
    expect(Object.fromEntries(summary.transitions.map((t) => [`${t.from}>${t.to}`, t.count]))).toEqual(
      Object.fromEntries(expected),
    );
    expect(await compareWithReference(app)).toEqual({ residents: total, ...clean });
  }, 180_000);

  it('groups only residents whose every input is the same: both regions and each field of the declaration', async () => {
    await seeded();
    const db = app.get(DataSource);
    const green: { id: Buffer }[] = await db.query(
      "SELECT r.id FROM residents r JOIN resident_codes c ON c.resident_id = r.id WHERE c.color = 'green' ORDER BY r.id LIMIT 8",
    );
    expect(green).toHaveLength(8);
    const [base, twin, ...others] = green.map((r) => r.id);
    // Each differs from `base` in one input only; `base` itself gets stays no generated resident has.
    const differences = [
      "UPDATE residents SET home_region = '999999' WHERE id = ?",
      "UPDATE residents SET current_region = '999999' WHERE id = ?",
      "UPDATE declarations SET current_region = '999999' WHERE resident_id = ?",
      `UPDATE declarations SET stays = '[{"region":"999999","from":"2020-01-01","to":"2020-01-03"}]' WHERE resident_id = ?`,
      `UPDATE declarations SET symptoms = '[{"symptom":"fever","onset":"2020-01-01"}]' WHERE resident_id = ?`,
      "UPDATE declarations SET contact_date = '2019-12-31' WHERE resident_id = ?",
    ];
    await db.transaction(async (m) => {
      await m.query(
        `UPDATE declarations SET stays = '[{"region":"999999","from":"2020-01-01","to":"2020-01-02"}]' WHERE resident_id = ?`,
        [base],
      );
      for (const id of [twin, ...others]) {
        await m.query(
          'UPDATE residents b JOIN residents a ON a.id = ? SET b.home_region = a.home_region, b.current_region = a.current_region WHERE b.id = ?',
          [base, id],
        );
        await m.query(
          `UPDATE declarations b JOIN declarations a ON a.resident_id = ?
              SET b.current_region = a.current_region, b.stays = a.stays, b.symptoms = a.symptoms, b.contact_date = a.contact_date
            WHERE b.resident_id = ?`,
          [base, id],
        );
      }
      for (const [i, sql] of differences.entries()) await m.query(sql, [others[i]]);
    });
    const everyone = {
      rangeStart: '00000000-0000-0000-0000-000000000000',
      rangeEnd: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
      importId: null,
      checkInsFrom: '2000-01-01',
    };
    const groups = await app.get(RangeFactsRepository).selfDeclaredGroups(db.manager, everyone, []);
    const bySample = new Map(groups.map((g) => [g.sampleId, g]));
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(RESIDENTS);
    expect(bySample.get(bufferToUuid(base))).toMatchObject({
      count: 2,
      declarations: [{ stays: [{ region: '999999', from: '2020-01-01', to: '2020-01-02' }] }],
    });
    for (const id of others) expect(bySample.get(bufferToUuid(id))?.count).toBe(1);
  }, 120_000);
});
