import type { CodeEvaluation } from '@healthcode/contracts';

import { diffCodes, type StoredCode } from './code-diff.util';

const now = new Date('2026-11-20T02:00:00Z');
const green: CodeEvaluation = { color: 'green', reasons: [], greenAt: null, greenWhen: null, steps: [] };
const yellow: CodeEvaluation = {
  color: 'yellow',
  reasons: [
    {
      ruleId: 'symptoms',
      ruleVersion: 1,
      color: 'yellow',
      text: { 'zh-CN': '发热', en: 'fever' },
      fact: { source: 'self-declared', kind: 'symptom' },
      since: '2026-11-19',
      until: null,
    },
  ],
  greenAt: null,
  greenWhen: null,
  steps: [],
};

function stored(residentId: string, e: CodeEvaluation, region = '330106'): StoredCode {
  return {
    residentId,
    color: e.color,
    reasonsJson: JSON.stringify(e.reasons),
    greenAt: e.greenAt,
    greenWhenJson: null,
    stepsJson: JSON.stringify(e.steps),
    codeId: `code-${residentId}`,
    codeVersion: 3,
    colorChangedAt: new Date('2026-01-01T00:00:00Z'),
    region,
    staleAt: e.color === 'green' && e.reasons.length === 0 ? null : new Date('2026-11-20T16:00:00Z'),
  };
}

describe('diffCodes', () => {
  const ctx = { now, ruleSetVersion: 2, newCodeId: () => 'new-code' };

  it('writes nothing for unchanged residents', () => {
    const prev = new Map([
      ['a', stored('a', green)],
      ['b', stored('b', yellow)],
    ]);
    const d = diffCodes(
      prev,
      [
        { residentId: 'a', region: '330106', evaluation: green },
        { residentId: 'b', region: '330106', evaluation: yellow },
      ],
      ctx,
    );
    expect(d).toMatchObject({ codes: [], history: [] });
    expect(d.deltas.entries()).toEqual([]);
  });

  it('bumps the code version on a colour change, keeps the code id, records history and moves the counters', () => {
    const d = diffCodes(
      new Map([['a', stored('a', green)]]),
      [{ residentId: 'a', region: '330106', evaluation: yellow }],
      ctx,
    );
    expect(d.codes).toEqual([
      expect.objectContaining({
        residentId: 'a',
        color: 'yellow',
        codeId: 'code-a',
        codeVersion: 4,
        colorChangedAt: now,
        ruleSetVersion: 2,
      }),
    ]);
    expect(d.history).toEqual([
      expect.objectContaining({ residentId: 'a', colorBefore: 'green', colorAfter: 'yellow' }),
    ]);
    expect(d.deltas.entries()).toContainEqual({ region: '', color: 'green', delta: -1 });
    expect(d.deltas.entries()).toContainEqual({ region: '330106', color: 'yellow', delta: 1 });
  });

  it('stores what changed in a history row: an unchanged reason by its index in the reasons after', () => {
    const contact = { ...yellow.reasons[0], ruleId: 'close-contact', color: 'red' as const, since: '2026-11-18' };
    const red: CodeEvaluation = { ...yellow, color: 'red', reasons: [contact, yellow.reasons[0]] };
    const d = diffCodes(
      new Map([['a', stored('a', yellow)]]),
      [{ residentId: 'a', region: '330106', evaluation: red }],
      ctx,
    );
    expect(d.history).toEqual([
      expect.objectContaining({ reasonsBeforeJson: '[1]', reasonsAfterJson: d.codes[0].reasonsJson }),
    ]);
    const back = diffCodes(
      new Map([['a', stored('a', red)]]),
      [{ residentId: 'a', region: '330106', evaluation: green }],
      ctx,
    );
    expect(JSON.parse(back.history[0].reasonsBeforeJson)).toEqual(red.reasons);
    expect(back.history[0].reasonsAfterJson).toBe('[]');
  });

  it('rewrites a moved resident without history when only the region changed', () => {
    const d = diffCodes(
      new Map([['a', stored('a', green)]]),
      [{ residentId: 'a', region: '330102', evaluation: green }],
      ctx,
    );
    expect(d.codes).toEqual([expect.objectContaining({ codeVersion: 3, region: '330102' })]);
    expect(d.history).toEqual([]);
    expect(d.deltas.entries()).toEqual([
      { region: '330102', color: 'green', delta: 1 },
      { region: '330106', color: 'green', delta: -1 },
    ]);
  });

  it('creates a first code with a new code id', () => {
    const d = diffCodes(new Map(), [{ residentId: 'n', region: '330106', evaluation: green }], ctx);
    expect(d.codes).toEqual([expect.objectContaining({ codeId: 'new-code', codeVersion: 1 })]);
    expect(d.history).toEqual([expect.objectContaining({ colorBefore: null, colorAfter: 'green' })]);
  });

  it('touches an unchanged resident when asked (the single-resident path): new evaluatedAt, no history, no move', () => {
    const d = diffCodes(
      new Map([['a', { ...stored('a', yellow), revision: 7 }]]),
      [{ residentId: 'a', region: '330106', evaluation: yellow }],
      { ...ctx, touch: true },
    );
    expect(d.codes).toEqual([
      expect.objectContaining({ codeVersion: 3, revision: 8, isNew: false, evaluatedAt: now, ruleSetVersion: 2 }),
    ]);
    expect(d.history).toEqual([]);
    expect(d.deltas.entries()).toEqual([]);
  });
  it('gives residents who share one evaluation object the same stored form, each against their own code', () => {
    const prev = new Map([
      ['a', stored('a', green)],
      ['b', stored('b', yellow)],
      ['c', stored('c', yellow, '420103')],
    ]);
    const shared = { ...yellow, reasons: [...yellow.reasons] };
    const d = diffCodes(
      prev,
      ['a', 'b', 'c'].map((residentId) => ({ residentId, region: '330106', evaluation: shared })),
      ctx,
    );
    // a changes colour, b is unchanged, c moves region only (no history).
    expect(d.codes.map((c) => c.residentId)).toEqual(['a', 'c']);
    expect(d.codes[0].reasonsJson).toBe(d.codes[1].reasonsJson);
    expect(d.codes[0].staleAt).toEqual(d.codes[1].staleAt);
    expect(d.history.map((h) => [h.residentId, h.colorBefore, h.colorAfter])).toEqual([['a', 'green', 'yellow']]);
    expect(d.codes.map((c) => c.codeVersion)).toEqual([4, 3]);
  });
});
