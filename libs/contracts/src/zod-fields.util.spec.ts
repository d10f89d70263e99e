import { randomUUID } from 'node:crypto';

import fc from 'fast-check';

import {
  AppealAnswerRequestSchema,
  AppealApprovalRequestSchema,
  AppealCreateRequestSchema,
  AppealDecisionRequestSchema,
  AppealRequestInfoSchema,
} from './appeal.contract';
import { TracingDecisionSchema, TracingRequestCreateSchema } from './checkpoint.contract';
import { WithdrawalRequestSchema } from './authority-import.contract';
import { RiskLevelRetractRequestSchema } from './rule-admin.contract';
import { HotlineVerificationCreateSchema, HotlineVerificationDecisionSchema } from './verification.contract';
import { boundedText, multiLineText } from './zod-fields.util';

describe('boundedText', () => {
  const name = boundedText(64);

  it('accepts ordinary names in any script', () => {
    for (const ok of ['张三', 'Anna-Lena O’Neil', 'أحمد', 'Zoë 🙂']) expect(name.safeParse(ok).success).toBe(true);
  });

  it.each([
    ['a right-to-left override', 'abc\u202Efdp.exe'],
    ['a left-to-right embedding', '\u202A张三'],
    ['an isolate', '张\u2066三\u2069'],
    ['a right-to-left mark', '张\u200F三'],
    ['an Arabic letter mark', 'x\u061Cy'],
    ['a NUL', '张\u0000三'],
    ['a line break inside', '张\n三'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses %s', (_, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('text-direction overrides');
  });
});

describe('multiLineText: one schema for every multi-line free-text field', () => {
  const text = multiLineText(2000);
  const FIELDS = {
    'appeal statement': (v: string) => AppealCreateRequestSchema.shape.statement.safeParse(v),
    'appeal answer': (v: string) => AppealAnswerRequestSchema.safeParse({ message: v }),
    'request for information': (v: string) => AppealRequestInfoSchema.safeParse({ message: v }),
    'decision reason': (v: string) => AppealDecisionRequestSchema.safeParse({ outcome: 'upheld', reason: v }),
    'approval note': (v: string) => AppealApprovalRequestSchema.safeParse({ approve: false, note: v }),
    'risk level retraction reason': (v: string) => RiskLevelRetractRequestSchema.safeParse({ reason: v }),
    'tracing justification': (v: string) =>
      TracingRequestCreateSchema.safeParse({ residentId: randomUUID(), caseReference: 'C-1', justification: v }),
    'tracing decision note': (v: string) => TracingDecisionSchema.safeParse({ approve: true, note: v }),
    'hotline identity verification reason': (v: string) => HotlineVerificationCreateSchema.shape.reason.safeParse(v),
    'hotline identity verification decision note': (v: string) =>
      HotlineVerificationDecisionSchema.safeParse({ approve: false, note: v }),
    'authority record withdrawal reason': (v: string) =>
      WithdrawalRequestSchema.safeParse({ target: 'fact', id: randomUUID(), reason: v }),
  };
  const multiLine = 'First line of what happened.\r\nSecond line,\tindented.\n\nThird paragraph: 第三段。';

  it.each(Object.keys(FIELDS))('%s keeps newlines and tabs', (field) => {
    expect(FIELDS[field as keyof typeof FIELDS](multiLine).success).toBe(true);
  });

  it.each(
    Object.keys(FIELDS).flatMap((field) => [
      [field, 'a right-to-left override', 'I was at home\u202Eemoh ta saw I, honestly.'],
      [field, 'an isolate', 'I was \u2066at home\u2069, honestly and truly.'],
      [field, 'a NUL', 'I was at home\u0000, honestly and truly.'],
      [field, 'an escape sequence', 'I was at home \u001b[2J, honestly and truly.'],
      [field, 'a C1 control', 'I was at home\u0085, honestly and truly.'],
      [field, 'a vertical tab', 'I was at home\u000b, honestly and truly.'],
    ]),
  )('%s refuses %s', (field, _label, value) => {
    const result = FIELDS[field as keyof typeof FIELDS](value);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('text-direction overrides');
  });

  it('refuses exactly the unsafe characters, whatever surrounds them (fuzzed)', () => {
    const unsafe = fc.constantFrom(
      ...['\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u061c', '\u200e', '\u200f'],
      ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'],
    );
    const safe = fc.string({
      unit: fc.constantFrom('a', '张', ' ', '\n', '\t', '\r', '🙂', 'é', '.', '\u200b'),
      minLength: 1,
    });
    fc.assert(
      fc.property(safe, safe, unsafe, (before, after, bad) => {
        const clean = `x${before}${after}x`;
        expect(text.safeParse(clean).success).toBe(true);
        expect(text.safeParse(`x${before}${bad}${after}x`).success).toBe(false);
      }),
      { seed: 20200210, numRuns: 500 },
    );
  });

  it('is trimmed and bounded', () => {
    expect(text.parse('  \n hello \n ')).toBe('hello');
    expect(text.safeParse(' \n\t ').success).toBe(false);
    expect(multiLineText(5).safeParse('123456').success).toBe(false);
    expect(multiLineText(5, { min: 0 }).safeParse('').success).toBe(true);
  });
});
