import type { LookupPurpose } from '@healthcode/contracts';

/** The purpose as it appears in the resident's access log: `appeal:<id>` or `hotline-call:<reference>`. */
export function purposeText(purpose: LookupPurpose): string {
  return purpose.kind === 'appeal' ? `appeal:${purpose.appealId.toLowerCase()}` : `hotline-call:${purpose.callRef}`;
}
