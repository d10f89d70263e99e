import { ApiErrorCode, regionScopeCovers } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';

/**
 * The one place the API decides whether a staff member's scope covers a region. A scope is a GB/T 2260 prefix:
 * '33' is Zhejiang, '3301' Hangzhou, '330106' Xihu district, '' the whole country. The region is where the
 * thing happened or lives (a checkpoint, an appeal, a fact's registering region), never where a person is from.
 */
export function isInScope(scope: string, region: string | null | undefined): boolean {
  return regionScopeCovers(scope, region);
}

function outOfScope(scope: string, what: string): DomainException {
  return new DomainException(
    ApiErrorCode.OutOfScope,
    `${what} is outside your region scope (${scope || 'whole country'})`,
  );
}

/** Services call this before acting on a resident or region; the refusal names the scope, never the person. */
export function assertInScope(
  staff: { regionScope: string },
  region: string | null | undefined,
  what = 'this record',
): void {
  if (!isInScope(staff.regionScope, region)) throw outOfScope(staff.regionScope, what);
}

/** Every region of a list must be inside the scope; the refusal names the first few outside it. */
export function assertAllInScope(staff: { regionScope: string }, regions: readonly string[], what: string): void {
  const outside = [...new Set(regions.filter((r) => !isInScope(staff.regionScope, r)))];
  if (outside.length > 0) throw outOfScope(staff.regionScope, `${what} ${outside.slice(0, 5).join(', ')}`);
}

/** The narrower of the caller's scope and the requested prefix; refuses a prefix that lies outside the scope. */
export function narrowPrefix(scope: string, requested: string | undefined): string {
  if (requested === undefined || isInScope(requested, scope)) return scope;
  if (isInScope(scope, requested)) return requested;
  throw outOfScope(scope, `Region ${requested}`);
}
