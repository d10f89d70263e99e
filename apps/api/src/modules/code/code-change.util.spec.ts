import type { CodeReason } from '@healthcode/contracts';

import { codeFingerprint, staleAtFor } from './code-change.util';

const reason = (over: Partial<CodeReason> = {}): CodeReason => ({
  ruleId: 'high-risk-stay',
  ruleVersion: 1,
  color: 'red',
  text: { 'zh-CN': 'x', en: 'x' },
  fact: { source: 'self-declared', kind: 'stay' },
  since: '2020-02-01',
  until: '2020-02-15',
  ...over,
});

describe('codeFingerprint', () => {
  it('ignores wording but sees colour, greenAt and reason changes', () => {
    const a = codeFingerprint({ color: 'red', greenAt: '2020-02-20', reasons: [reason()] });
    expect(
      codeFingerprint({ color: 'red', greenAt: '2020-02-20', reasons: [reason({ text: { 'zh-CN': 'y', en: 'y' } })] }),
    ).toBe(a);
    expect(codeFingerprint({ color: 'red', greenAt: '2020-02-21', reasons: [reason()] })).not.toBe(a);
    expect(
      codeFingerprint({ color: 'red', greenAt: '2020-02-20', reasons: [reason({ until: '2020-02-16' })] }),
    ).not.toBe(a);
    expect(codeFingerprint({ color: 'yellow', greenAt: '2020-02-20', reasons: [reason()] })).not.toBe(a);
  });
});

describe('staleAtFor', () => {
  it('re-reads codes with reasons at the next CST midnight and never re-reads a plain green code', () => {
    expect(staleAtFor({ color: 'green', reasons: [] }, new Date('2020-02-10T05:00:00Z'))).toBeNull();
    expect(staleAtFor({ color: 'red', reasons: [reason()] }, new Date('2020-02-10T17:00:00Z'))?.toISOString()).toBe(
      '2020-02-11T16:00:00.000Z',
    );
  });
});
