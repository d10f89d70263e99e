import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';

/**
 * A staff member's region scope is a GB/T 2260 prefix: '33' is Zhejiang, '3301' Hangzhou, '330106' Xihu
 * district, '' the whole country. They may act on a resident or region only inside it.
 */
export function isInScope(scope: string, region: string | null | undefined): boolean {
  if (scope === '') return true;
  return typeof region === 'string' && region.startsWith(scope);
}

/** Services call this before acting on a resident or region; the refusal names the scope, never the person. */
export function assertInScope(
  staff: { regionScope: string },
  region: string | null | undefined,
  what = 'this record',
): void {
  if (!isInScope(staff.regionScope, region)) {
    throw new DomainException(
      ApiErrorCode.OutOfScope,
      `${what} is outside your region scope (${staff.regionScope || 'whole country'})`,
    );
  }
}
