import { DEFAULT_RULE_SET, evaluate, type EvaluationFacts } from '@healthcode/rules';

import { MIGRATIONS } from '../../src/database/migrations';
import { CompactReasons1796650000001 } from '../../src/database/migrations/1796650000001-CompactReasons';
import { newId, uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { withRegionNames } from '../../src/modules/code/region-names.util';
import {
  parseStoredReasons,
  reasonsBeforeJson,
  renderStoredCode,
  renderStoredHistory,
  storedCodeJson,
} from '../../src/modules/code/stored-code.util';
import { withScratchDataSource } from '../utils/scratch-data-source';

const TODAY = '2020-02-20';
const UP_TO_COMPACT_REASONS = MIGRATIONS.slice(0, MIGRATIONS.indexOf(CompactReasons1796650000001) + 1);
const facts: EvaluationFacts = {
  riskLevels: [{ region: '42', level: 'high', from: '2020-01-23', to: null }],
  currentRegion: '420106',
  symptoms: [{ symptom: 'fever', onset: '2020-02-19' }],
};
const before = evaluate(DEFAULT_RULE_SET, facts, TODAY);
const after = evaluate(DEFAULT_RULE_SET, { ...facts, symptoms: [] }, TODAY);
/** The driver may hand JSON columns over parsed; compare the text the database holds. */
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const shown = (reasons: readonly object[]) => JSON.stringify(withRegionNames({ reasons: reasons as never[] }).reasons);

describe('migration CompactReasons on a database with rows stored the old way', () => {
  it('converts codes and history in place, reads them as before, and converts them back', async () => {
    await withScratchDataSource(
      async (ds) => {
        // The head before it: every migration up to this one, this one undone (later ones never run here).
        await ds.runMigrations({ transaction: 'each' });
        await ds.undoLastMigration({ transaction: 'each' });
        const [red, green] = [newId(), newId()];
        const now = new Date('2020-02-20T02:00:00Z');
        const code = (id: string, e: typeof before, codeId: string) => [
          uuidToBuffer(id),
          e.color,
          JSON.stringify(e.reasons),
          e.greenAt,
          e.greenWhen === null ? null : JSON.stringify(e.greenWhen),
          JSON.stringify(e.steps),
          codeId,
          now,
          now,
        ];
        await ds.query(
          `INSERT INTO resident_codes (resident_id, color, reasons, green_at, green_when, steps, rule_set_version, code_id,
               code_version, color_changed_at, region, evaluated_at, stale_at, revision)
             VALUES (?,?,?,?,?,?,1,?,1,?,'420106',?,NULL,3), (?,?,?,?,?,?,1,?,1,?,'330106',?,NULL,1)`,
          [...code(red, after, 'code-red'), ...code(green, evaluate(DEFAULT_RULE_SET, {}, TODAY), 'code-green')],
        );
        const historyId = newId();
        await ds.query(
          `INSERT INTO code_history (id, resident_id, at, cause, cause_ref, color_before, color_after, reasons_before,
               reasons_after, green_at_after, actor_resident_id)
             VALUES (?,?,?,'declaration','declaration:1',?,?,?,?,NULL,NULL)`,
          [
            uuidToBuffer(historyId),
            uuidToBuffer(red),
            now,
            before.color,
            after.color,
            JSON.stringify(before.reasons),
            JSON.stringify(after.reasons),
          ],
        );
        const readCode = async (id: string) => {
          const [r] = await ds.query('SELECT reasons, steps, green_when FROM resident_codes WHERE resident_id = ?', [
            uuidToBuffer(id),
          ]);
          return { reasons: text(r.reasons), steps: text(r.steps), green_when: r.green_when && text(r.green_when) };
        };
        const readHistory = async () => {
          const [r] = await ds.query('SELECT reasons_before, reasons_after FROM code_history WHERE id = ?', [
            uuidToBuffer(historyId),
          ]);
          return { reasons_before: text(r.reasons_before), reasons_after: text(r.reasons_after) };
        };
        const oldCode = await readCode(red);
        const oldHistory = await readHistory();
        const render = (c: typeof oldCode) =>
          JSON.stringify(renderStoredCode({ reasons: c.reasons, steps: c.steps, greenWhen: c.green_when }));
        const renderHistory = (h: typeof oldHistory) =>
          JSON.stringify(renderStoredHistory({ reasonsBefore: h.reasons_before, reasonsAfter: h.reasons_after }));

        await ds.runMigrations({ transaction: 'each' });

        const newCode = await readCode(red);
        const newHistory = await readHistory();
        expect(newCode.reasons).not.toContain('"text"');
        expect(newCode.steps).not.toContain('"text"');
        expect(Buffer.byteLength(newCode.reasons)).toBeLessThan(0.8 * Buffer.byteLength(oldCode.reasons));
        expect(newCode.green_when).toBe(oldCode.green_when); // words stay until the next write
        expect(render(newCode)).toBe(render(oldCode));
        expect(JSON.parse(render(newCode)).reasons).toEqual(JSON.parse(shown(after.reasons)));
        // The reason the code still has is stored once, by its index; the one removed is stored whole.
        const delta = JSON.parse(newHistory.reasons_before) as unknown[];
        expect(delta.filter((r) => typeof r === 'number')).toHaveLength(after.reasons.length);
        expect(newHistory.reasons_before + newHistory.reasons_after).not.toContain('"text"');
        expect(renderHistory(newHistory)).toBe(renderHistory(oldHistory));
        expect(JSON.parse(renderHistory(newHistory)).reasonsBefore).toEqual(JSON.parse(shown(before.reasons)));
        expect((await readCode(green)).reasons).toBe('[]');

        // A row the code writer stores after the migration: a new rule version, kept as the changed field only.
        const v2 = evaluate({ ...DEFAULT_RULE_SET, version: 2 }, { ...facts, symptoms: [] }, TODAY);
        const v2Stored = storedCodeJson(v2 as never);
        const patchId = newId();
        await ds.query(
          `INSERT INTO code_history (id, resident_id, at, cause, cause_ref, color_before, color_after, reasons_before,
               reasons_after, green_at_after, actor_resident_id)
             VALUES (?,?,?,'rules-published','rules:2','red','red',?,?,NULL,NULL)`,
          [
            uuidToBuffer(patchId),
            uuidToBuffer(red),
            now,
            reasonsBeforeJson(parseStoredReasons(newCode.reasons), v2Stored.reasons),
            v2Stored.reasonsJson,
          ],
        );

        // Down: the texts as the engine wrote them, and two full copies again.
        await ds.undoLastMigration({ transaction: 'each' });
        const [patched] = await ds.query('SELECT reasons_before FROM code_history WHERE id = ?', [
          uuidToBuffer(patchId),
        ]);
        expect(JSON.parse(text(patched.reasons_before))).toEqual(JSON.parse(oldCode.reasons));
        const back = await readCode(red);
        expect(JSON.parse(back.reasons)).toEqual(JSON.parse(oldCode.reasons));
        expect(JSON.parse(back.steps)).toEqual(JSON.parse(oldCode.steps));
        const backHistory = await readHistory();
        expect(JSON.parse(backHistory.reasons_before)).toEqual(JSON.parse(oldHistory.reasons_before));
        expect(JSON.parse(backHistory.reasons_after)).toEqual(JSON.parse(oldHistory.reasons_after));
      },
      { prefix: 'hc_compact', migrations: UP_TO_COMPACT_REASONS },
    );
  });
});
