import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';
import { assertAllInScope, assertInScope, isInScope, narrowPrefix } from './region-scope.util';

describe('region scope', () => {
  it.each([
    ['', '420103', true],
    ['', null, true],
    ['33', '330106', true],
    ['3301', '330106', true],
    ['330106', '330106', true],
    ['33', '420103', false],
    ['3301', '3302', false],
    ['3301', '33', false],
    ['33', null, false],
    ['33', '', false],
  ])('scope %j on region %j: %s', (scope, region, expected) => {
    expect(isInScope(scope, region)).toBe(expected);
  });

  it('refuses with OUT_OF_SCOPE', () => {
    expect(() => assertInScope({ regionScope: '33' }, '420103')).toThrow(DomainException);
    try {
      assertInScope({ regionScope: '33' }, '420103', 'This resident');
    } catch (e) {
      expect((e as DomainException).code).toBe(ApiErrorCode.OutOfScope);
      expect((e as DomainException).status).toBe(403);
    }
  });
});

describe('narrowPrefix and assertAllInScope', () => {
  it('narrows a requested prefix to the scope and refuses one outside it', () => {
    expect(narrowPrefix('3301', undefined)).toBe('3301');
    expect(narrowPrefix('3301', '33')).toBe('3301');
    expect(narrowPrefix('3301', '330106')).toBe('330106');
    expect(narrowPrefix('', '42')).toBe('42');
    expect(() => narrowPrefix('3301', '42')).toThrow(/outside your region scope/);
  });

  it('names the regions outside the scope', () => {
    expect(() => assertAllInScope({ regionScope: '33' }, ['330106', '33'], 'Regions')).not.toThrow();
    expect(() => assertAllInScope({ regionScope: '3301' }, ['330106', '420103', '33'], 'Regions')).toThrow(
      'Regions 420103, 33 is outside your region scope (3301)',
    );
  });
});
