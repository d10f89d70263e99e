import { renderTemplate, TEMPLATES, type TemplateId, type TemplateParams } from '@healthcode/rules';
import type { MigrationInterface, QueryRunner } from 'typeorm';

type Item = Record<string, unknown> & { text?: unknown; template?: unknown; params?: unknown };
type Before = (number | [number, unknown] | Item)[];

const BATCH = 500;
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const renders = (item: Item) =>
  typeof item.template === 'string' &&
  Object.hasOwn(TEMPLATES, item.template) &&
  typeof item.params === 'object' &&
  item.params !== null;

/** Without its rendered text when its template renders it again (the text reads never showed). */
function compact(item: Item): Item {
  if (!('text' in item) || !renders(item)) return item;
  const { text: _text, ...rest } = item;
  return rest;
}

/** The engine's own wording again (no region names: that is what was stored), placed after `params` as before. */
function expand(item: Item): Item {
  if ('text' in item || !renders(item)) return item;
  const text = renderTemplate(item.template as TemplateId, item.params as TemplateParams);
  const out: Item = {};
  for (const [key, value] of Object.entries(item)) {
    out[key] = value;
    if (key === 'params') out.text = text;
  }
  return out;
}

/**
 * Compact reasons (issue #16): `resident_codes.reasons` and `steps` and both reason columns of `code_history` no
 * longer hold rendered texts (read paths render them again: `stored-code.util`), and `code_history.reasons_before`
 * holds only what changed: each reason that is unchanged in `reasons_after` is its index there. No column changes
 * type; existing rows are converted in place, in primary-key batches (green codes hold no reasons and are skipped).
 * `green_when` of existing rows stays words (new writes store its templates); reads take either form.
 */
export class CompactReasons1796650000001 implements MigrationInterface {
  name = 'CompactReasons1796650000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await convertCodes(queryRunner, (items) => items.map(compact));
    await convertHistory(queryRunner, (before, after) => {
      const compactAfter = after.map(compact);
      const index = new Map(compactAfter.map((r, i) => [JSON.stringify(r), i]));
      const delta = before.map((r) => {
        if (typeof r === 'number' || Array.isArray(r)) return r;
        const c = compact(r);
        return index.get(JSON.stringify(c)) ?? c;
      });
      return { before: delta, after: compactAfter };
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await convertCodes(queryRunner, (items) => items.map(expand));
    await convertHistory(queryRunner, (before, after) => ({
      // Rows written since may also hold `[index, fields before]` (stored-code.util's StoredReasonsBefore).
      before: before.map((r) =>
        expand(typeof r === 'number' ? after[r] : Array.isArray(r) ? { ...after[r[0]], ...(r[1] as Item) } : r),
      ),
      after: after.map(expand),
    }));
  }
}

async function convertCodes(q: QueryRunner, convert: (items: Item[]) => Item[]): Promise<void> {
  let last: Buffer = Buffer.alloc(16, 0);
  for (;;) {
    const rows: { resident_id: Buffer; reasons: unknown; steps: unknown }[] = await q.query(
      `SELECT resident_id, reasons, steps FROM resident_codes
        WHERE resident_id > ? AND (JSON_LENGTH(reasons) > 0 OR JSON_LENGTH(steps) > 0)
        ORDER BY resident_id LIMIT ${BATCH}`,
      [last],
    );
    if (rows.length === 0) return;
    for (const r of rows) {
      const reasons = JSON.stringify(convert(parse(r.reasons) as Item[]));
      const steps = JSON.stringify(convert(parse(r.steps) as Item[]));
      await q.query('UPDATE resident_codes SET reasons = ?, steps = ? WHERE resident_id = ?', [
        reasons,
        steps,
        r.resident_id,
      ]);
    }
    last = rows[rows.length - 1].resident_id;
  }
}

async function convertHistory(
  q: QueryRunner,
  convert: (before: Before, after: Item[]) => { before: Before; after: Item[] },
): Promise<void> {
  let last: Buffer = Buffer.alloc(16, 0);
  for (;;) {
    const rows: { id: Buffer; reasons_before: unknown; reasons_after: unknown }[] = await q.query(
      `SELECT id, reasons_before, reasons_after FROM code_history
        WHERE id > ? AND (JSON_LENGTH(reasons_before) > 0 OR JSON_LENGTH(reasons_after) > 0)
        ORDER BY id LIMIT ${BATCH}`,
      [last],
    );
    if (rows.length === 0) return;
    for (const r of rows) {
      const c = convert(parse(r.reasons_before) as Before, parse(r.reasons_after) as Item[]);
      await q.query('UPDATE code_history SET reasons_before = ?, reasons_after = ? WHERE id = ?', [
        JSON.stringify(c.before),
        JSON.stringify(c.after),
        r.id,
      ]);
    }
    last = rows[rows.length - 1].id;
  }
}
