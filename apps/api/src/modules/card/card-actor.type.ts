import type { StaffPrincipal } from '../auth/session-token.service';

/**
 * Who acts on a resident's card. The resident themself, or hotline staff for a resident with no phone (after a
 * lookup, with the call's reference). A carer acting for a dependant becomes one more kind here: the service always
 * takes the id of the resident acted for separately from the actor.
 */
export type CardActor =
  | { readonly kind: 'resident'; readonly residentId: string }
  | { readonly kind: 'staff'; readonly staff: StaffPrincipal; readonly callRef: string };
