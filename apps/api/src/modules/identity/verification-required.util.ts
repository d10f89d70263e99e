import type { VerificationState } from '@healthcode/contracts';

/** What the code page says when there is no code yet: what is missing and how to finish. Nothing personal. */
export function verificationRequiredMessage(state: VerificationState, rejectedReason: string | null): string {
  if (state === 'rejected')
    return `Your ID number could not be verified (${rejectedReason ?? 'the check failed'}), so no code is shown. Check the ID number in your profile, then verify again with your host app (WeChat or Alipay real-name check) or call the hotline for a document check.`;
  return 'Your ID number is not verified yet, so no code is shown and no health records are matched to you. Verify it with your host app (WeChat or Alipay real-name check), or call the hotline for a document check.';
}
