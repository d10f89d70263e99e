import { residentIdCheckDigit } from '@healthcode/contracts';

import { EMPTY_SIGNUP_FORM, validateSignup, type SignupForm } from './signup-form.util';

const first17 = '11010519491231002';
const VALID_ID = first17 + residentIdCheckDigit(first17);
const WRONG_CHECK_DIGIT = first17 + (residentIdCheckDigit(first17) === '0' ? '1' : '0');

const valid: SignupForm = {
  name: '张三',
  idType: 'resident-id',
  idNumber: VALID_ID,
  phone: '138 1234 5678',
  homeRegion: '330106',
};

describe('validateSignup', () => {
  it('accepts a complete form and normalises it like the API does', () => {
    const result = validateSignup({ ...valid, idNumber: VALID_ID.toLowerCase() }, 'v1');
    expect(result).toEqual({
      ok: true,
      value: {
        consentVersion: 'v1',
        name: '张三',
        idType: 'resident-id',
        idNumber: VALID_ID,
        phone: '13812345678',
        homeRegion: '330106',
      },
    });
  });

  it('rejects a wrong check digit with the shared explanation', () => {
    const result = validateSignup({ ...valid, idNumber: WRONG_CHECK_DIGIT }, 'v1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.idNumber).toMatch(/check digit/);
  });

  it('explains other resident ID problems', () => {
    const short = validateSignup({ ...valid, idNumber: '1101051949' }, 'v1');
    expect(!short.ok && short.errors.idNumber).toBe('A resident ID number has 18 characters');
    const badProvince = `99${VALID_ID.slice(2, 17)}`;
    const province = validateSignup({ ...valid, idNumber: badProvince + residentIdCheckDigit(badProvince) }, 'v1');
    expect(!province.ok && province.errors.idNumber).toMatch(/province/);
  });

  it('checks passports by their own rule', () => {
    expect(validateSignup({ ...valid, idType: 'passport', idNumber: 'E12345678' }, 'v1').ok).toBe(true);
    const bad = validateSignup({ ...valid, idType: 'passport', idNumber: 'E1' }, 'v1');
    expect(!bad.ok && bad.errors.idNumber).toMatch(/passport/i);
  });

  it('rejects a number that is not a mainland mobile', () => {
    const result = validateSignup({ ...valid, phone: '12345' }, 'v1');
    expect(!result.ok && result.errors.phone).toMatch(/mainland mobile/);
  });

  it('reports every empty field as Required, and missing consent', () => {
    const result = validateSignup(EMPTY_SIGNUP_FORM, null);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatchObject({
        name: 'Required',
        idNumber: 'Required',
        phone: 'Required',
        homeRegion: 'Required',
      });
      expect(result.errors.consentVersion).toBe('Accept the consent text first');
    }
  });
});
