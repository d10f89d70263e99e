import type { IdType, VerificationMethod, VerificationRequest } from '@healthcode/contracts';

/** The resident whose profile number is being proven, as a verifier may see them. */
export interface VerificationSubject {
  residentId: string;
  hostProvider: string;
  hostKey: Buffer;
  idType: IdType;
  /** HMAC of the profile's `<idType>:<number>`. */
  idHmac: Buffer;
  /** The plain name and number, decrypted only for a verifier that must hand them to its host (WeChat face check). */
  reveal(): { name: string; idNumber: string };
}

/** What a host certified. */
export interface IdentityProof {
  /** HMAC of the `<idType>:<number>` the host says this user owns; compared with the profile's. */
  idHmac: Buffer;
  /** The host's one-time reference (auth code, verify id); accepted once. Null where the host has none (dev). */
  proofRef: string | null;
}

/** The port: one adapter per way of proving who someone is. */
export interface IdentityVerifier {
  readonly method: Exclude<VerificationMethod, 'hotline'>;
  verify(subject: VerificationSubject, request: VerificationRequest): Promise<IdentityProof>;
}

/** Forged, replayed, badly signed, for another user or another number: refused, and nothing changes. */
export class VerificationRefusedError extends Error {}

/** The host answered definitively that the check failed (not certified, face did not match): the number is rejected. */
export class VerificationNegativeError extends Error {}
