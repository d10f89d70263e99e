import {
  AppealCreateRequestSchema,
  AppealDecisionRequestSchema,
  AppealPolicyRequestSchema,
  appealReasonKey,
} from './appeal.contract';

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
    // The key's shape is checked here; whether the region offers it, by the server.
    expect(AppealCreateRequestSchema.safeParse({ ...base, category: 'quarantine-hotel' }).success).toBe(true);
    expect(AppealCreateRequestSchema.safeParse({ ...base, category: 'Bored!' }).success).toBe(false);
    expect(AppealCreateRequestSchema.safeParse({ ...base, category: 'x'.repeat(25) }).success).toBe(false);
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

  it('takes a region policy with known categories by key and custom ones with both labels', () => {
    const deadlines = { firstResponseHours: 24, decisionHours: 72, loweringNeedsApproval: true };
    const ok = (categories: unknown) => AppealPolicyRequestSchema.safeParse({ ...deadlines, categories }).success;
    expect(AppealPolicyRequestSchema.safeParse(deadlines).success).toBe(true);
    expect(ok([{ key: 'other' }, { key: 'hotel', label: { 'zh-CN': '隔离酒店', en: 'Quarantine hotel' } }])).toBe(true);
    expect(ok([])).toBe(false);
    expect(ok([{ key: 'other' }, { key: 'other' }])).toBe(false);
    expect(ok([{ key: 'hotel' }])).toBe(false);
    expect(ok([{ key: 'hotel', label: { 'zh-CN': '隔离酒店' } }])).toBe(false);
    expect(ok([{ key: 'other', label: { 'zh-CN': '别的', en: 'Else' } }])).toBe(false);
    expect(ok([{ key: 'hotel', label: { 'zh-CN': ' ', en: 'x'.repeat(61) } }])).toBe(false);
    expect(ok(Array.from({ length: 13 }, (_, i) => ({ key: `c${i}`, label: { 'zh-CN': '类', en: 'c' } })))).toBe(false);
  });
});
