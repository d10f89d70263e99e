import type { Color } from '@healthcode/contracts';
import type { CardTokenVerifyResult } from '@healthcode/qr-token';

import type { CodeState, ScanVerdict } from './scan-verdict.util';

/** What a scan needs of a printed card's row. */
export interface CardState {
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * Decides the scan of a printed card: the token must verify and name this issuer, the card must exist, be neither
 * revoked nor expired (by its row, which a reissue ends early), and its holder must have a code. The colour is the
 * holder's current one; the card itself carries none. A refused card that exists is still recorded under its id, so
 * its holder sees that someone tried it.
 */
export function cardScanVerdict(
  verified: CardTokenVerifyResult,
  ownIssuer: string,
  card: CardState | null,
  code: CodeState | null,
  admits: readonly Color[],
  at: Date,
): ScanVerdict {
  if (!verified.ok) return rejected(verified.error, null);
  const { crd, iss } = verified.claims;
  if (iss !== ownIssuer) return rejected('unknown-issuer', null);
  if (!card) return rejected('unknown-card', null);
  if (card.revokedAt) return rejected('card-revoked', crd);
  if (card.expiresAt.getTime() <= at.getTime()) return rejected('expired', crd);
  if (!code) return rejected('unknown-code', crd);
  const admitted = admits.includes(code.color);
  return {
    codeId: crd,
    color: code.color,
    admitted,
    reason: admitted ? 'admitted' : 'color-not-admitted',
    superseded: false,
    rejection: null,
  };
}

function rejected(rejection: ScanVerdict['rejection'] & string, codeId: string | null): ScanVerdict {
  return { codeId, color: null, admitted: false, reason: rejection, superseded: false, rejection };
}
