import type { CodeTokenClaims, CodeTokenVerifyResult, TokenIssuer } from '@healthcode/qr-token';
import type { Color, ScanRejection, ScanResponse } from '@healthcode/contracts';

/** The stored state of the code a verified token names, or null when that code no longer exists. */
export interface CodeState {
  color: Color;
  codeVersion: number;
}

export type ScanVerdict = ScanResponse & { codeId: string | null; rejection: ScanRejection | null };

/**
 * Decides a scan from the token's verification and the code's current state. A superseded token (issued
 * before the colour last changed) is answered with the current colour; only that colour is admitted.
 */
export function scanVerdict(
  verified: CodeTokenVerifyResult,
  code: CodeState | null,
  admits: readonly Color[],
): ScanVerdict {
  if (!verified.ok) return rejected(verified.error, null);
  const { claims } = verified;
  if (!code) return rejected('unknown-code', claims.cid);
  const superseded = claims.cv !== undefined ? claims.cv < code.codeVersion : claims.col !== code.color;
  const admitted = admits.includes(code.color);
  return {
    codeId: claims.cid,
    color: code.color,
    admitted,
    reason: admitted ? 'admitted' : 'color-not-admitted',
    superseded,
    rejection: null,
  };
}

function rejected(rejection: ScanRejection, codeId: string | null): ScanVerdict {
  return { codeId, color: null, admitted: false, reason: rejection, superseded: false, rejection };
}

/**
 * Decides the scan of a verified token from a trusted peer issuer. The colour is the one the peer signed (the
 * colour policy stays with the issuer); which colours pass is this checkpoint's peer policy. Nothing is looked up.
 */
export function peerScanVerdict(
  claims: CodeTokenClaims,
  issuer: TokenIssuer,
  peerAdmits: readonly Color[],
): ScanVerdict {
  const admitted = peerAdmits.includes(claims.col);
  return {
    codeId: claims.cid,
    color: claims.col,
    admitted,
    reason: admitted ? 'admitted' : 'color-not-admitted',
    superseded: false,
    issuer: { id: issuer.iss, region: issuer.region },
    rejection: null,
  };
}
