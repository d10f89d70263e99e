import { SetMetadata } from '@nestjs/common';

export const ACTS_FOR_METADATA = 'hc:acts-for';

/** What a carer does on a route, written to the dependant's access log as "by <carer> for <dependant>". */
export interface CareAction {
  /** Short English wording of the action: "read the code", "declared". */
  purpose: string;
  /** What was touched: "code", "history", "declaration", "check-in", "appeal", "access-log", "profile". */
  scope: string;
}

/**
 * The route serves a dependant when a carer names them in `X-Acting-For` (ActingForGuard checks the care link;
 * CurrentResident then answers the dependant, with the carer as `actorId`). Routes without it refuse the header.
 * The carer's action is then written to the dependant's access log before the answer leaves (`care-action.hook`).
 */
export const ActsFor = (action: CareAction) => SetMetadata(ACTS_FOR_METADATA, action);

/** Set on the request by ActingForGuard once an active care link allows it. */
export interface ActingFor {
  carerId: string;
  dependantId: string;
  action: CareAction;
}
