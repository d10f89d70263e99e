import { isProvinceCode } from './province.util';
import { getChildren } from './region-lookup.util';

describe('isProvinceCode', () => {
  it('agrees with the provinces of the full region tree', () => {
    for (const province of getChildren(null)) expect(isProvinceCode(province.code)).toBe(true);
  });

  it.each(['10', '81', '3301', '', '1', 11, null])('rejects %p', (code) => expect(isProvinceCode(code)).toBe(false));
});
