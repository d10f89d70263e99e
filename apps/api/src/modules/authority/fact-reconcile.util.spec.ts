import { createHash } from 'node:crypto';

import type { AuthorityRow } from './authority-row.util';
import { type FactOnFile, reconcileFacts } from './fact-reconcile.util';

const h = (s: string) => createHash('sha256').update(s).digest();
const row = (line: number, key: string, data: Record<string, string | null>, over: Partial<AuthorityRow> = {}) =>
  ({ line, kind: 'case', idHmac: h('person'), data, region: '330106', factKey: h(key), ...over }) as AuthorityRow;
const onFile = (key: string, data: Record<string, string | null>, over: Partial<FactOnFile> = {}): FactOnFile => ({
  id: `fact-${key}`,
  kind: 'case',
  idHmac: h('person'),
  data,
  factKey: h(key),
  region: '330106',
  ...over,
});

describe('reconcileFacts', () => {
  const open = { status: 'confirmed', date: '2026-11-20', clearedDate: null };
  const cleared = { ...open, clearedDate: '2026-12-01' };

  it('adds new keys, corrects known ones in place, and counts exact repeats', () => {
    const plan = reconcileFacts(
      [row(2, 'a', cleared), row(3, 'b', open), row(4, 'c', open)],
      [onFile('a', open), onFile('c', open)],
      '33',
    );
    expect(plan.inserts.map((r) => r.line)).toEqual([3]);
    expect(plan.updates).toEqual([
      { factId: 'fact-a', row: expect.objectContaining({ line: 2 }), fields: { clearedDate: '2026-12-01' } },
    ]);
    expect(plan.duplicates).toBe(1);
    expect(plan.errors).toEqual([]);
  });

  it('lets a later row of the same file win', () => {
    const plan = reconcileFacts([row(2, 'a', open), row(3, 'a', cleared)], [], '');
    expect(plan.inserts).toEqual([expect.objectContaining({ line: 3, data: cleared })]);
    expect(plan.duplicates).toBe(1);
  });

  it('refuses to correct a record registered outside the scope or naming another person', () => {
    const plan = reconcileFacts(
      [row(2, 'a', cleared), row(3, 'b', cleared)],
      [onFile('a', open, { region: '420103' }), onFile('b', open, { idHmac: h('someone else') })],
      '33',
    );
    expect(plan.updates).toEqual([]);
    expect(plan.errors).toEqual([
      { line: 2, field: 'region', message: 'The record on file was registered outside your region scope (33)' },
      { line: 3, field: 'case_id', message: 'This case id already names another person’s record' },
    ]);
  });
});
