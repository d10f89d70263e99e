import type { Color, ScanRejection, ScanResponse } from '@healthcode/contracts';
import type { CodeTokenVerifyResult, IssuedTokenVerifyResult, OfflineCardCheck } from '@healthcode/qr-token';

export type InvalidReason = ScanRejection | 'no-keys' | 'no-card-status' | 'other-issuer';

/** What the checkpoint screen shows after a scan. Only `valid` ever shows a code colour. */
export type ScanVerdict =
  | {
      kind: 'valid';
      color: Color;
      by: 'device' | 'server';
      admitted: boolean | null;
      superseded: boolean;
      /** A trusted peer deployment's code: its issuer id and region, shown next to the colour. */
      issuer?: { id: string; region: string };
    }
  | { kind: 'invalid'; reason: InvalidReason; by: 'device' | 'server' }
  /**
   * A printed card checked offline against the status list: `listed: null` is not on it (green when the list was
   * built), else why it must not pass. `listIssuedAt` (ISO) is shown, so the operator sees how old the answer is.
   */
  | { kind: 'card'; listed: 'revoked' | 'not-green' | null; listIssuedAt: string; by: 'device' }
  | { kind: 'unverified' };

const COLORS: readonly string[] = ['green', 'yellow', 'red'];

export function verdictFromDevice(result: CodeTokenVerifyResult | IssuedTokenVerifyResult): ScanVerdict {
  if (!result.ok) return { kind: 'invalid', reason: result.error, by: 'device' };
  // A verified token with a colour we do not know is treated as damaged, never shown as a colour.
  if (!COLORS.includes(result.claims.col)) return { kind: 'invalid', reason: 'bad-claims', by: 'device' };
  const verdict: ScanVerdict = {
    kind: 'valid',
    color: result.claims.col,
    by: 'device',
    admitted: null,
    superseded: false,
  };
  const issuer = 'issuer' in result ? result.issuer : undefined;
  return issuer && !issuer.own ? { ...verdict, issuer: { id: issuer.iss, region: issuer.region } } : verdict;
}

export function verdictFromServer(response: ScanResponse): ScanVerdict {
  if (response.color === null || !COLORS.includes(response.color)) {
    const reason =
      response.reason === 'admitted' || response.reason === 'color-not-admitted' ? 'bad-claims' : response.reason;
    return { kind: 'invalid', reason, by: 'server' };
  }
  return {
    kind: 'valid',
    color: response.color,
    by: 'server',
    admitted: response.admitted,
    superseded: response.superseded,
    ...(response.issuer ? { issuer: response.issuer } : {}),
  };
}

export function verdictFromCard(result: OfflineCardCheck | { ok: false; error: 'no-card-status' }): ScanVerdict {
  if (!result.ok) return { kind: 'invalid', reason: result.error, by: 'device' };
  return {
    kind: 'card',
    listed: result.listed,
    listIssuedAt: new Date(result.listIssuedAt * 1000).toISOString(),
    by: 'device',
  };
}
