import type { CodeReason } from '@healthcode/contracts';

import { colorChangeNotice } from './color-change-notice.util';

const reason = (text: string, suppressed = false) =>
  ({ ruleId: 'r', text: { 'zh-CN': text, en: text }, suppressed, fact: { kind: 'case' } }) as unknown as CodeReason;

describe('colorChangeNotice', () => {
  it('carries the first shown reason and the green-by date', () => {
    expect(colorChangeNotice('id', 'green', 'yellow', [reason('hidden', true), reason('shown')], '2026-12-20')).toEqual(
      {
        residentId: 'id',
        fromColor: 'green',
        color: 'yellow',
        reason: { 'zh-CN': 'shown', en: 'shown' },
        greenBy: '2026-12-20',
      },
    );
  });

  it('says neither reason nor date when the code turned green', () => {
    expect(colorChangeNotice('id', 'red', 'green', [reason('old')], '2026-12-20')).toMatchObject({
      reason: null,
      greenBy: null,
    });
  });
});
