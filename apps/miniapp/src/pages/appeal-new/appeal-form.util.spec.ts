import { appealReasonKey, type CodeReason } from '@healthcode/contracts';

import { appealFields, findReason, reasonFields } from './appeal-form.util';

const stay: CodeReason = {
  ruleId: 'stay-high-risk',
  ruleVersion: 1,
  color: 'red',
  text: { 'zh-CN': '您在高风险地区停留过', en: 'You stayed in a high-risk region' },
  fact: { source: 'self-declared', kind: 'stay', region: '420103', from: '2020-02-01', to: '2020-02-03' },
  since: '2020-02-03',
  until: '2020-02-17',
};
const caseMatch: CodeReason = {
  ...stay,
  ruleId: 'confirmed-case',
  fact: { source: 'case-registry', kind: 'case', ref: 'f-1', date: '2020-02-05' },
};

describe('appeal form', () => {
  it('sends the fields the server turns into the same reason key', () => {
    for (const reason of [stay, caseMatch]) {
      const f = reasonFields(reason);
      expect([f.ruleId, f.factKind, f.factRef ?? '', f.factDate ?? ''].join('|')).toBe(appealReasonKey(reason));
    }
    expect(reasonFields(stay)).toEqual({
      ruleId: 'stay-high-risk',
      factKind: 'stay',
      factRef: undefined,
      factDate: '2020-02-01',
    });
  });

  it('finds the appealed reason by its key, or nothing once it is gone', () => {
    expect(findReason([stay, caseMatch], appealReasonKey(caseMatch))).toBe(caseMatch);
    expect(findReason([stay], appealReasonKey(caseMatch))).toBeNull();
  });

  it('checks category and statement with the API schema', () => {
    const missing = appealFields(stay, { category: null, statement: '  ' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.errors).sort()).toEqual(['category', 'statement']);
    const long = appealFields(stay, { category: 'other', statement: 'x'.repeat(2001) });
    expect(long).toMatchObject({ ok: false, errors: { statement: 'At most 2000 characters' } });
    const ok = appealFields(stay, { category: 'wrong-region', statement: ' I was never there. ' });
    expect(ok).toEqual({
      ok: true,
      fields: {
        ruleId: 'stay-high-risk',
        factKind: 'stay',
        factDate: '2020-02-01',
        category: 'wrong-region',
        statement: 'I was never there.',
      },
    });
  });
});
