import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';

/** A staff region scope is a GB/T 2260 prefix ('' is the whole country); it covers every region below it. */
export function scopeCovers(scope: string, region: string): boolean {
  return region.startsWith(scope);
}

export function assertScopeCovers(staff: { regionScope: string }, region: string, what: string): void {
  if (!scopeCovers(staff.regionScope, region)) {
    throw new DomainException(
      ApiErrorCode.OutOfScope,
      `${what} is outside your region scope (${staff.regionScope || 'whole country'})`,
    );
  }
}

/** The narrower of the caller's scope and the requested prefix; refuses a prefix that lies outside the scope. */
export function narrowPrefix(scope: string, requested: string | undefined): string {
  if (requested === undefined || scopeCovers(requested, scope)) return scope;
  if (scopeCovers(scope, requested)) return requested;
  throw new DomainException(
    ApiErrorCode.OutOfScope,
    `Region ${requested} is outside your region scope (${scope || 'whole country'})`,
  );
}
