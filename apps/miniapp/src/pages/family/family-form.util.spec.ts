import { residentIdCheckDigit } from '@healthcode/contracts';

import { EMPTY_CHILD_FORM, validateAdult, validateChild } from './family-form.util';

const childId = () => {
  const first17 = '33010620140501001';
  return first17 + residentIdCheckDigit(first17);
};

describe('family forms', () => {
  it('sends a child with the guardian’s declaration and the consent version', () => {
    const result = validateChild(
      { ...EMPTY_CHILD_FORM, name: ' 李小明 ', idNumber: childId(), homeRegion: '330106', guardian: true },
      'v1',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        consentVersion: 'v1',
        guardianDeclaration: true,
        name: '李小明',
        idType: 'resident-id',
        idNumber: childId(),
        homeRegion: '330106',
      },
    });
  });

  it('refuses a child without the declaration, a wrong number, no region, or a passport without a birth date', () => {
    const noDeclaration = validateChild(
      { ...EMPTY_CHILD_FORM, name: 'a', idNumber: childId(), homeRegion: '330106' },
      'v1',
    );
    expect(noDeclaration.ok || Object.keys(noDeclaration.errors)).toEqual(['guardianDeclaration', 'guardian']);
    const wrong = validateChild(
      { ...EMPTY_CHILD_FORM, name: 'a', idNumber: '330106201405010010', homeRegion: '330106', guardian: true },
      'v1',
    );
    expect(wrong.ok || Object.keys(wrong.errors)).toEqual(['idNumber']);
    const noRegion = validateChild({ ...EMPTY_CHILD_FORM, name: 'a', idNumber: childId(), guardian: true }, 'v1');
    expect(noRegion.ok || Object.keys(noRegion.errors)).toEqual(['homeRegion']);
    const passport = validateChild(
      {
        ...EMPTY_CHILD_FORM,
        name: 'a',
        idType: 'passport',
        idNumber: 'E1234567',
        homeRegion: '330106',
        guardian: true,
      },
      'v1',
    );
    expect(passport.ok || Object.keys(passport.errors)).toEqual(['birthDate']);
  });

  it('checks an adult’s number before asking', () => {
    expect(validateAdult('123').ok).toBe(false);
    expect(validateAdult(childId())).toEqual({ ok: true, value: { idType: 'resident-id', idNumber: childId() } });
  });
});
