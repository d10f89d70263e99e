import { ProfileUpsertRequestSchema } from '@healthcode/contracts';

import { i18n, initI18n } from '../i18n/i18n';
import { fieldErrorsFromApi, fieldErrorsFromIssues, mapFieldErrors, withoutFieldErrors } from './field-errors.util';
import { localizeValidationMessage } from './validation-message.util';

describe('field errors', () => {
  it('keys zod issues and API errors by the same dotted path, first message wins', () => {
    expect(
      fieldErrorsFromIssues([
        { path: ['stays', 3, 'to'], message: 'a' },
        { path: ['stays', 3, 'to'], message: 'b' },
        { path: [], message: 'c' },
      ]),
    ).toEqual({
      'stays.3.to': 'a',
      '': 'c',
    });
    expect(
      fieldErrorsFromApi([
        { path: 'stays.3.to', message: 'late' },
        { path: '', message: 'whole' },
      ]),
    ).toEqual({ 'stays.3.to': 'late', '': 'whole' });
    expect(mapFieldErrors({ a: 'x' }, (m) => m.toUpperCase())).toEqual({ a: 'X' });
  });
});

describe('withoutFieldErrors', () => {
  it('drops the changed field, its nested paths and the form-wide message, and keeps the rest', () => {
    const errors = { name: 'Required', 'stays.1.to': 'late', 'stays.10.to': 'x', phone: 'bad', '': 'whole' };
    expect(withoutFieldErrors(errors, 'name', 'stays.1')).toEqual({ 'stays.10.to': 'x', phone: 'bad' });
  });

  it('returns the same object when nothing is stale, so React skips the re-render', () => {
    const errors = { phone: 'bad' };
    expect(withoutFieldErrors(errors, 'name')).toBe(errors);
  });
});

describe('localizeValidationMessage', () => {
  beforeAll(() => initI18n('en'));
  const zh = () => i18n.getFixedT('zh-CN');

  it('translates the shared schema messages into Chinese', () => {
    expect(localizeValidationMessage('Required', zh())).toBe('必填');
    expect(localizeValidationMessage('At most 64 characters', zh())).toBe('最多 64 个字符');
    expect(
      localizeValidationMessage('The last character (check digit) does not match: please re-check the number', zh()),
    ).toBe('最后一位（校验码）不匹配，请核对号码');
    expect(localizeValidationMessage('This stay overlaps stay 2; one place per day', zh())).toMatch(/停留地 2/);
  });

  it('covers every message the sign-up schema produces for a bad form', () => {
    const result = ProfileUpsertRequestSchema.safeParse({
      consentVersion: undefined,
      name: 'x'.repeat(65),
      idType: 'resident-id',
      idNumber: '123',
      phone: '1',
      homeRegion: '999999',
    });
    expect(result.success).toBe(false);
    for (const issue of result.error?.issues ?? []) {
      expect(localizeValidationMessage(issue.message, zh())).not.toBe(issue.message);
    }
  });

  it('passes unknown server messages through unchanged', () => {
    expect(localizeValidationMessage('Something new', zh())).toBe('Something new');
  });
});
