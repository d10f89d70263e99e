import { isRegionCode, isRegionPrefix, regionPrefixes } from './region-code.util';

describe('region-code.util', () => {
  it.each(['33', '3301', '330106', '42', '4201', '420106', '11', '82'])('accepts prefix %p', (code) =>
    expect(isRegionPrefix(code)).toBe(true),
  );

  it.each(['3', '330', '33010', '3301060', '3300', '330100', '330000', '00', '99', '10', 'ab', '', 33])(
    'refuses prefix %p',
    (code) => expect(isRegionPrefix(code)).toBe(false),
  );

  it('accepts padded 6-digit codes as fact regions but not unknown provinces', () => {
    expect(isRegionCode('330100')).toBe(true);
    expect(isRegionCode('990101')).toBe(false);
    expect(isRegionCode('33-106')).toBe(false);
  });

  it('lists prefixes from the most specific', () => {
    expect(regionPrefixes('330106')).toEqual(['330106', '3301', '33']);
    expect(regionPrefixes('3301')).toEqual(['3301', '33']);
    expect(regionPrefixes('33')).toEqual(['33']);
  });
});
