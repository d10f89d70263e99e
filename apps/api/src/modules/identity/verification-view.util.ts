import type { VerificationView } from '@healthcode/contracts';

import type { ResidentEntity } from '../resident/resident.entity';
import type { VerificationStatus } from './verification-state-machine';

export function verificationStatusOf(
  r: Pick<ResidentEntity, 'verificationState' | 'verificationMethod' | 'verifiedAt' | 'verificationRejectedReason'>,
): VerificationStatus {
  return {
    state: r.verificationState,
    method: r.verificationMethod,
    verifiedAt: r.verifiedAt,
    rejectedReason: r.verificationRejectedReason,
  };
}

export function verificationFields(s: VerificationStatus) {
  return {
    verificationState: s.state,
    verificationMethod: s.method,
    verifiedAt: s.verifiedAt,
    verificationRejectedReason: s.rejectedReason,
  };
}

export function verificationView(s: VerificationStatus): VerificationView {
  return {
    state: s.state,
    method: s.method,
    verifiedAt: s.verifiedAt?.toISOString() ?? null,
    rejectedReason: s.rejectedReason,
  };
}
