import type { CodeTokenVerifyResult } from '@healthcode/qr-token';

import { peerScanVerdict, scanVerdict } from './scan-verdict.util';

const ok = (col: 'green' | 'yellow' | 'red', cv?: number): CodeTokenVerifyResult => ({
  ok: true,
  kid: 'k1',
  claims: { cid: 'c1', col, iat: 1, exp: 2, rsv: 1, ...(cv === undefined ? {} : { cv }) },
});

describe('scanVerdict', () => {
  it('admits a current green code where green is admitted', () => {
    expect(scanVerdict(ok('green', 2), { color: 'green', codeVersion: 2 }, ['green'])).toMatchObject({
      color: 'green',
      admitted: true,
      reason: 'admitted',
      superseded: false,
    });
  });

  it('answers a superseded token with the current colour and applies the policy to it', () => {
    expect(scanVerdict(ok('green', 1), { color: 'red', codeVersion: 2 }, ['green'])).toMatchObject({
      color: 'red',
      admitted: false,
      reason: 'color-not-admitted',
      superseded: true,
    });
    expect(scanVerdict(ok('green'), { color: 'yellow', codeVersion: 5 }, ['green', 'yellow'])).toMatchObject({
      color: 'yellow',
      admitted: true,
      superseded: true,
    });
  });

  it('refuses a verified token whose code no longer exists, and every failed verification', () => {
    expect(scanVerdict(ok('green', 1), null, ['green', 'yellow', 'red'])).toMatchObject({
      color: null,
      admitted: false,
      reason: 'unknown-code',
      rejection: 'unknown-code',
      codeId: 'c1',
    });
    expect(
      scanVerdict({ ok: false, error: 'expired', message: 'x' }, { color: 'green', codeVersion: 1 }, ['green']),
    ).toMatchObject({ admitted: false, rejection: 'expired', codeId: null });
  });
});

describe('peerScanVerdict', () => {
  const issuer = { iss: 'cn-34', region: '34', own: false };
  const claims = (col: 'green' | 'yellow' | 'red') => ({ cid: 'p1', col, iat: 1, exp: 2, rsv: 1, iss: 'cn-34' });

  it("answers the peer's signed colour, judged by the checkpoint's peer policy, naming the issuer", () => {
    expect(peerScanVerdict(claims('yellow'), issuer, ['green', 'yellow'])).toEqual({
      codeId: 'p1',
      color: 'yellow',
      admitted: true,
      reason: 'admitted',
      superseded: false,
      issuer: { id: 'cn-34', region: '34' },
      rejection: null,
    });
    expect(peerScanVerdict(claims('green'), issuer, [])).toMatchObject({
      admitted: false,
      reason: 'color-not-admitted',
    });
  });
});
