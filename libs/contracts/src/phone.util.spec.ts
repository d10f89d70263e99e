import { isValidPhone, normalizePhone } from './phone.util';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(+86) 19912345678', '19912345678'],
    [' 15012345678 ', '15012345678'],
  ])('%p -> %p', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it('leaves what is not a mobile number cleaned but invalid', () => {
    expect(normalizePhone('010-1234 5678')).toBe('01012345678');
    expect(isValidPhone(normalizePhone('010-1234 5678'))).toBe(false);
    expect(normalizePhone('+1 415 555 0100')).toBe('+14155550100');
    expect(normalizePhone('86123')).toBe('86123');
  });
});

describe('isValidPhone', () => {
  it.each(['13012345678', '13812345678', '14512345678', '19912345678'])('accepts %s', (phone) =>
    expect(isValidPhone(phone)).toBe(true),
  );

  it.each([
    ['a 12xx prefix', '12812345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['a country code (normalize first)', '+8613812345678'],
    ['spaces (normalize first)', '138 1234 5678'],
    ['a landline', '01012345678'],
    ['empty', ''],
    ['a number', 13812345678],
    ['null', null],
  ])('rejects %s', (_case, phone) => expect(isValidPhone(phone)).toBe(false));
});
