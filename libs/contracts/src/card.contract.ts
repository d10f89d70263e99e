import { z } from 'zod';

/** Paper sizes of a printed card (issue #19): a full A4 sheet, or an A6 card (a quarter of A4) to carry. */
export const CARD_SIZES = ['A4', 'A6'] as const;
export type CardSize = (typeof CARD_SIZES)[number];

/** Why a card stopped working. `reissued`: replaced by a new card (lost, damaged). */
export const CARD_REVOKE_REASONS = ['lost', 'reissued', 'no-longer-needed'] as const;
export type CardRevokeReason = (typeof CARD_REVOKE_REASONS)[number];

/** A resident's printed card as they (or staff) see it: no token, no card id; the PDF carries the QR. */
export interface CardView {
  issuedAt: string;
  expiresAt: string;
  /** Who issued it: the resident (or a carer) themselves, or hotline staff. */
  issuedBy: 'resident' | 'staff';
  /** The masked name printed on the card (`张**`). */
  name: string;
}

export interface MyCardResponse {
  /** The card in use, or null when there is none (never issued, revoked or expired). */
  card: CardView | null;
}

export const CardPdfQuerySchema = z.strictObject({
  size: z.enum(CARD_SIZES, { error: 'size must be A4 or A6' }).default('A4'),
});
export type CardPdfQuery = z.infer<typeof CardPdfQuerySchema>;

export const CardRevokeRequestSchema = z.strictObject({
  reason: z.enum(['lost', 'no-longer-needed'], { error: 'reason must be lost or no-longer-needed' }),
});
export type CardRevokeRequest = z.infer<typeof CardRevokeRequestSchema>;

/** Hotline staff issue a card for a verified resident they found by lookup (no phone at all). */
export const StaffCardIssueRequestSchema = z.strictObject({
  /** The call's reference, as for a lookup: kept in the resident's access log. */
  callRef: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'A call reference: 4 to 40 letters, digits or -'),
});
export type StaffCardIssueRequest = z.infer<typeof StaffCardIssueRequestSchema>;

export const StaffCardPdfQuerySchema = z.strictObject({
  size: z.enum(CARD_SIZES, { error: 'size must be A4 or A6' }).default('A4'),
  callRef: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'A call reference: 4 to 40 letters, digits or -'),
});
export type StaffCardPdfQuery = z.infer<typeof StaffCardPdfQuerySchema>;
