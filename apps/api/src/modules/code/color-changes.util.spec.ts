import { colorChangesOf } from './color-changes.util';
import type { CodeReason } from '@healthcode/contracts';

import type { HistoryRow } from './code-diff.util';

const reason = (text: string, suppressed = false): CodeReason => ({
  ruleId: 'r',
  ruleVersion: 1,
  color: 'red',
  text: { 'zh-CN': text, en: text },
  fact: { source: 'case-registry', kind: 'case' },
  since: null,
  until: null,
  suppressed,
});

const row = (over: Partial<HistoryRow>): HistoryRow => ({
  residentId: 'a',
  colorBefore: 'green',
  colorAfter: 'red',
  reasonsBeforeJson: '[]',
  reasonsAfterJson: '[]',
  reasonsAfter: [reason('hidden', true), reason('first')],
  greenAtAfter: '2026-12-20',
  ...over,
});

describe('colour changes of a re-scored range', () => {
  it('keeps only real colour changes, with the first shown reason and the green-by date', () => {
    expect(
      colorChangesOf([
        row({}),
        row({ residentId: 'b', colorBefore: null }), // a first code is no change
        row({ residentId: 'c', colorBefore: 'red' }), // same colour, new wording
        row({ residentId: 'd', colorBefore: 'red', colorAfter: 'green', reasonsAfter: [], greenAtAfter: null }),
      ]),
    ).toEqual([
      {
        residentId: 'a',
        fromColor: 'green',
        color: 'red',
        reason: { 'zh-CN': 'first', en: 'first' },
        greenBy: '2026-12-20',
      },
      { residentId: 'd', fromColor: 'red', color: 'green', reason: null, greenBy: null },
    ]);
  });
});
