import { ACTING_FOR_HEADER } from '@healthcode/contracts';

import { readActingFor } from './acting-for-store';

/** `X-Acting-For` for requests made outside `request()` (file downloads), when a carer acts for a dependant. */
export function actingForHeader(): Record<string, string> {
  const acting = readActingFor();
  return acting ? { [ACTING_FOR_HEADER]: acting.dependantId } : {};
}
