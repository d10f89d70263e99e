import { boundedText } from './zod-fields.util';

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
