import type { CardTokenVerifyResult } from '@healthcode/qr-token';

import { cardScanVerdict } from './card-scan-verdict.util';

const AT = new Date('2026-12-07T08:00:00Z');
const ok: CardTokenVerifyResult = {
  ok: true,
  kid: 'k',
  claims: { iss: 'cn-33', crd: 'card0000000000000000001', nbf: 1, exp: 2_000_000_000 },
};
const live = { revokedAt: null, expiresAt: new Date('2027-03-01T00:00:00Z') };

describe('cardScanVerdict', () => {
  it("answers the holder's current colour and the checkpoint's policy", () => {
    expect(cardScanVerdict(ok, 'cn-33', live, { color: 'green', codeVersion: 3 }, ['green'], AT)).toEqual({
      codeId: 'card0000000000000000001',
      color: 'green',
      admitted: true,
      reason: 'admitted',
      superseded: false,
      rejection: null,
    });
    expect(cardScanVerdict(ok, 'cn-33', live, { color: 'red', codeVersion: 3 }, ['green'], AT)).toMatchObject({
      color: 'red',
      admitted: false,
      reason: 'color-not-admitted',
    });
  });

  it.each([
    ['a forged token', { ok: false, error: 'bad-signature', message: 'x' } as const, live, 'bad-signature', null],
    ['an unknown card', ok, null, 'unknown-card', null],
    ['a revoked card', ok, { ...live, revokedAt: AT }, 'card-revoked', 'card0000000000000000001'],
    ['a card past its row expiry', ok, { ...live, expiresAt: AT }, 'expired', 'card0000000000000000001'],
  ])('refuses %s', (_, verified, card, reason, codeId) => {
    expect(
      cardScanVerdict(
        verified as CardTokenVerifyResult,
        'cn-33',
        card,
        { color: 'green', codeVersion: 1 },
        ['green'],
        AT,
      ),
    ).toMatchObject({ color: null, admitted: false, reason, rejection: reason, codeId });
  });

  it("refuses another issuer's card and a holder with no code", () => {
    expect(cardScanVerdict(ok, 'cn-34', live, null, ['green'], AT)).toMatchObject({ rejection: 'unknown-issuer' });
    expect(cardScanVerdict(ok, 'cn-33', live, null, ['green'], AT)).toMatchObject({ rejection: 'unknown-code' });
  });
});
