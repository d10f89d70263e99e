import { z } from 'zod';

import { boundedText } from './zod-fields.util';

/** An issuer id such as `cn-33`: lowercase letters, digits and dashes (the `iss` claim of code tokens). */
export const issuerId = () =>
  z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'An issuer id such as cn-34: 2 to 32 lowercase letters, digits, "-"');

const validity = {
  notBefore: z.iso.datetime({ offset: true, error: 'An ISO date-time such as 2026-12-07T00:00:00+08:00' }),
  notAfter: z.iso.datetime({ offset: true, error: 'An ISO date-time such as 2027-12-07T00:00:00+08:00' }),
};

const MAX_WINDOW_MS = 3 * 366 * 86_400_000;
const windowIsSane = (v: { notBefore: string; notAfter: string }) => {
  const span = Date.parse(v.notAfter) - Date.parse(v.notBefore);
  return span > 0 && span <= MAX_WINDOW_MS;
};
const WINDOW_MESSAGE = { message: 'notAfter must be after notBefore, at most three years later', path: ['notAfter'] };

/** One public EC P-256 key as pasted from a peer's JWKS; a private key (`d`) is refused. */
const PublicJwkSchema = z.looseObject({
  kty: z.literal('EC', 'Only EC keys'),
  crv: z.literal('P-256', 'Only P-256 keys'),
  x: z.string().min(40).max(64),
  y: z.string().min(40).max(64),
  kid: z.string().min(1).max(128).optional(),
  d: z.undefined({ error: 'Paste the public key only: this key contains its private part' }).optional(),
});

/**
 * A peer issuer to trust: by its issuer document's URL (keys fetched and pinned) or by pasted keys (offline
 * exchange). Either way the entry waits for a second administrator's approval.
 */
export const TrustedIssuerAddRequestSchema = z
  .discriminatedUnion('source', [
    z.strictObject({
      source: z.literal('document'),
      documentUrl: z.url({
        protocol: /^https?$/,
        error: 'An http(s) URL of the peer’s /.well-known/healthcode-issuer',
      }),
      /** The issuer id the administrators expect; the document must name the same one. */
      issuerId: issuerId(),
      ...validity,
    }),
    z.strictObject({
      source: z.literal('keys'),
      issuerId: issuerId(),
      region: z.string().regex(/^[A-Za-z0-9-]{2,16}$/, 'A region code such as 34'),
      contact: boundedText(200),
      jwks: z.strictObject({ keys: z.array(PublicJwkSchema).min(1, 'At least one key').max(8, 'At most 8 keys') }),
      ...validity,
    }),
  ])
  .refine(windowIsSane, WINDOW_MESSAGE);
export type TrustedIssuerAddRequest = z.infer<typeof TrustedIssuerAddRequestSchema>;

/**
 * New keys for a peer on the trust list, after it rotated its signing keys: fetched again from the document URL
 * pinned when it was added, or pasted. They replace the pinned keys only when a second administrator approves.
 */
export const TrustedIssuerKeyUpdateRequestSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('document'), reason: boundedText(200) }),
  z.strictObject({
    source: z.literal('keys'),
    jwks: z.strictObject({ keys: z.array(PublicJwkSchema).min(1, 'At least one key').max(8, 'At most 8 keys') }),
    reason: boundedText(200),
  }),
]);
export type TrustedIssuerKeyUpdateRequest = z.infer<typeof TrustedIssuerKeyUpdateRequestSchema>;

export const TrustedIssuerReasonSchema = z.strictObject({ reason: boundedText(200) });
export type TrustedIssuerReason = z.infer<typeof TrustedIssuerReasonSchema>;

export const TRUSTED_ISSUER_STATUSES = ['pending', 'active', 'suspended'] as const;
export type TrustedIssuerStatus = (typeof TRUSTED_ISSUER_STATUSES)[number];

export interface TrustedIssuerView {
  id: string;
  issuerId: string;
  region: string;
  contact: string;
  source: 'document' | 'keys';
  documentUrl: string | null;
  /** Kids (RFC 7638 thumbprints) of the pinned keys. */
  kids: string[];
  status: TrustedIssuerStatus;
  notBefore: string;
  notAfter: string;
  addedBy: string;
  addedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  suspendedReason: string | null;
  /** Kids of new keys waiting for a second administrator (the peer rotated its keys); null when none wait. */
  pendingKids: string[] | null;
  keysRequestedBy: string | null;
  keysRequestedAt: string | null;
}

/** This deployment's own identity, as the console shows it above the trust list. */
export interface OwnIssuerView {
  issuerId: string;
  region: string;
  contact: string;
  documentUrl: string;
  jwksUrl: string;
}

export interface TrustedIssuerListResponse {
  own: OwnIssuerView;
  items: TrustedIssuerView[];
}
