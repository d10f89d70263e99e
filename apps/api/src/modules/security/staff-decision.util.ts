import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';

/**
 * The two-person rule for a request one staff member files and another decides (hotline identity checks, tracing
 * requests): its filer may not decide it, and it is decided once.
 */
export function assertMayDecide(row: { requestedBy: string; status: string }, staff: { staffId: string }): void {
  if (row.requestedBy === staff.staffId)
    throw new DomainException(ApiErrorCode.Forbidden, 'A different supervisor must decide on this request');
  if (row.status !== 'pending')
    throw new DomainException(ApiErrorCode.IllegalTransition, `This request is already ${row.status}`);
}
