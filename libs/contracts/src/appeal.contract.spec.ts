import { AppealCreateRequestSchema, AppealDecisionRequestSchema, appealReasonKey } from './appeal.contract';

describe('appeal contracts', () => {
  it('keys a reason by rule, fact kind, reference and its date', () => {
    expect(
      appealReasonKey({
        ruleId: 'case-status',
        fact: { source: 'case-registry', kind: 'case', ref: 'f-1', date: '2026-11-17', status: 'confirmed' },
      }),
    ).toBe('case-status|case|f-1|2026-11-17');
    expect(
      appealReasonKey({
        ruleId: 'high-risk-region',
        fact: { source: 'self-declared', kind: 'stay', region: '420106', from: '2026-11-01', to: null },
      }),
    ).toBe('high-risk-region|stay||2026-11-01');
    expect(
      appealReasonKey({
        ruleId: 'symptoms',
        fact: { source: 'self-declared', kind: 'symptom', symptom: 'fever', onset: '2026-11-18' },
      }),
    ).toBe('symptoms|symptom||2026-11-18');
  });

  it('bounds the statement and the categories', () => {
    const base = { ruleId: 'case-status', factKind: 'case', category: 'wrong-case-match', statement: 'Not me.' };
    expect(AppealCreateRequestSchema.safeParse(base).success).toBe(true);
    expect(AppealCreateRequestSchema.safeParse({ ...base, statement: 'x'.repeat(2001) }).success).toBe(false);
    expect(AppealCreateRequestSchema.safeParse({ ...base, category: 'bored' }).success).toBe(false);
    expect(AppealCreateRequestSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });

  it('needs a written reason of at least 20 characters, and a colour only when corrected', () => {
    const reason = 'Checked with the hospital registry today.';
    expect(AppealDecisionRequestSchema.safeParse({ outcome: 'rejected', reason }).success).toBe(true);
    expect(AppealDecisionRequestSchema.safeParse({ outcome: 'rejected', reason: '   short reason   ' }).success).toBe(
      false,
    );
    expect(
      AppealDecisionRequestSchema.safeParse({
        outcome: 'corrected',
        reason,
        override: { color: 'green', until: '2026-12-01' },
      }).success,
    ).toBe(true);
    expect(AppealDecisionRequestSchema.safeParse({ outcome: 'corrected', reason }).success).toBe(false);
  });
});
