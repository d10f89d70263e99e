import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';
import type { StaffPrincipal } from '../auth/session-token.service';
import { assertInScope } from '../security/region-scope.util';
import type { AppealEntity } from './appeal.entity';

export type AppealActor =
  { kind: 'resident'; residentId: string } | ({ kind: 'staff' } & Omit<StaffPrincipal, 'kind'>) | { kind: 'system' };

/** A resident sees only their own appeals; anyone else's is "not found", never "forbidden". */
export function assertResidentOwns(
  appeal: AppealEntity | null,
  residentId: string,
  number: number,
): asserts appeal is AppealEntity {
  if (!appeal || appeal.residentId !== residentId)
    throw new DomainException(ApiErrorCode.NotFound, `You have no appeal #${number}`);
}

/** Staff act only on appeals inside their region scope (403 outside it). */
export function assertStaffMayAct(
  appeal: AppealEntity | null,
  staff: Pick<StaffPrincipal, 'regionScope'>,
  number: number,
): asserts appeal is AppealEntity {
  if (!appeal) throw new DomainException(ApiErrorCode.NotFound, `There is no appeal #${number}`);
  assertInScope(staff, appeal.region, `Appeal #${number}`);
}

export function staffActor(staff: StaffPrincipal): AppealActor {
  return { kind: 'staff', staffId: staff.staffId, role: staff.role, regionScope: staff.regionScope };
}
