import { narrowPrefix, scopeCovers } from './region-scope.util';

describe('region scope', () => {
  it('covers regions below the prefix, and everything for the whole country', () => {
    expect(scopeCovers('3301', '330106')).toBe(true);
    expect(scopeCovers('', '420103')).toBe(true);
    expect(scopeCovers('3301', '420103')).toBe(false);
  });

  it('narrows a requested prefix to the scope and refuses one outside it', () => {
    expect(narrowPrefix('3301', undefined)).toBe('3301');
    expect(narrowPrefix('3301', '33')).toBe('3301');
    expect(narrowPrefix('3301', '330106')).toBe('330106');
    expect(() => narrowPrefix('3301', '42')).toThrow(/outside your region scope/);
  });
});
