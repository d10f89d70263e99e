import type { IdType, VerificationMethod, VerificationRequest } from '@healthcode/contracts';

/**
 * How this host proves that the signed-in resident owns their profile's ID number (`POST /me/verification`).
 * Implementations: identity-proof.h5.ts (the dev host), .weapp.ts (WeChat face check), .alipay.ts (Alipay
 * real-name certification).
 */
export interface IdentityProofAdapter {
  readonly method: Exclude<VerificationMethod, 'hotline'>;
  /** The dev host has no real-name record of its own: the demo types the number it should certify. */
  readonly asksForIdNumber: boolean;
  /** Runs the host's own steps and answers the proof to send. */
  prove(input: { idType: IdType; idNumber?: string }): Promise<VerificationRequest>;
}
