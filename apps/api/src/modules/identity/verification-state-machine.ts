import type { VerificationMethod, VerificationState } from '@healthcode/contracts';

/** The verification columns of a resident's profile. */
export interface VerificationStatus {
  state: VerificationState;
  method: VerificationMethod | null;
  verifiedAt: Date | null;
  rejectedReason: string | null;
}

export type VerificationEvent =
  /** A verifier proved the profile's ID number belongs to this resident. */
  | { type: 'verify'; method: VerificationMethod; at: Date }
  /** A verifier answered definitively that the number is not this resident's (not a transport failure). */
  | { type: 'reject'; reason: string }
  /** The resident entered a different ID number: whatever was proven was about the old one. */
  | { type: 'id-changed' };

export class IllegalVerificationTransition extends Error {
  constructor(
    readonly from: VerificationState,
    readonly event: VerificationEvent['type'],
  ) {
    super(`A ${from} ID number cannot take "${event}"`);
  }
}

export const UNVERIFIED: VerificationStatus = {
  state: 'unverified',
  method: null,
  verifiedAt: null,
  rejectedReason: null,
};

/**
 * The only way verification state changes. A verified number stays verified until the number itself changes:
 * a later failed attempt (someone else's forged proof, a replay) must not undo a real proof, and proving it
 * twice means nothing new, so both are refused rather than silently accepted.
 */
export function nextVerificationStatus(current: VerificationStatus, event: VerificationEvent): VerificationStatus {
  switch (event.type) {
    case 'verify':
      if (current.state === 'verified') throw new IllegalVerificationTransition(current.state, event.type);
      return { state: 'verified', method: event.method, verifiedAt: event.at, rejectedReason: null };
    case 'reject':
      if (current.state === 'verified') throw new IllegalVerificationTransition(current.state, event.type);
      return { state: 'rejected', method: null, verifiedAt: null, rejectedReason: event.reason };
    case 'id-changed':
      return UNVERIFIED;
  }
}

/** Authority facts are matched, and a code is issued, only for a proven number. */
export function isVerified(status: Pick<VerificationStatus, 'state'>): boolean {
  return status.state === 'verified';
}
