import { decodeJwt, decodeProtectedHeader } from 'jose';

import { cardClaims } from './__tests__/card-token.fixture';
import { NOW, NOW_SEC } from './__tests__/code-token.fixture';
import { readCardStatusList, signCardStatusList } from './card-status-list.util';
import { KeyRing } from './key-ring';
import { openOfflineCardVerifier } from './offline-card-verifier.util';
import { signCardToken } from './sign-card-token.util';

const RED = 'redcard0000000000000001';
const REVOKED = 'revokedcard00000000002';
const GREEN = 'greencard0000000000003';

describe('card status list', () => {
  let ring: KeyRing;
  beforeAll(async () => {
    ring = await KeyRing.generate();
  });

  it('lists only refused cards, sorted and once each, under its own typ', async () => {
    const jws = await signCardStatusList(
      { iss: 'cn-33', iat: NOW_SEC, revoked: [REVOKED, REVOKED], notGreen: [RED, REVOKED] },
      ring.current,
    );
    expect(decodeProtectedHeader(jws)).toMatchObject({ typ: 'hc-card-status+jwt' });
    expect(decodeJwt(jws)).toEqual({ iss: 'cn-33', iat: NOW_SEC, revoked: [REVOKED], notGreen: [RED] });
    expect(await readCardStatusList(jws, ring.jwks())).toMatchObject({ ok: true, value: { notGreen: [RED] } });
  });

  it('refuses a list signed by another key or carrying something other than card ids', async () => {
    const other = await KeyRing.generate();
    const jws = await signCardStatusList({ iss: 'cn-33', iat: NOW_SEC, revoked: [], notGreen: [] }, other.current);
    expect(await readCardStatusList(jws, ring.jwks())).toEqual({ ok: false, error: 'unknown-kid' });
    const personal = await signCardStatusList(
      { iss: 'cn-33', iat: NOW_SEC, revoked: [], notGreen: ['330106199001011234'] },
      ring.current,
    );
    expect(await readCardStatusList(personal, ring.jwks())).toEqual({ ok: false, error: 'bad-contents' });
  });

  it('offline: a green card passes (absent), a red or revoked one is refused with why, and the age is known', async () => {
    const cardStatus = await signCardStatusList(
      { iss: 'cn-33', iat: NOW_SEC - 600, revoked: [REVOKED], notGreen: [RED] },
      ring.current,
    );
    const opened = await openOfflineCardVerifier({ jwks: ring.jwks(), cardStatus });
    if (!opened.ok) throw new Error(opened.error);
    const { verifier } = opened;
    expect(verifier.listIssuedAt).toBe(NOW_SEC - 600);
    const check = async (crd: string, iss = 'cn-33') =>
      verifier.verify(await signCardToken(cardClaims({ crd, iss }), ring.current), NOW);
    expect(await check(GREEN)).toMatchObject({ ok: true, listed: null, listIssuedAt: NOW_SEC - 600 });
    expect(await check(RED)).toMatchObject({ ok: true, listed: 'not-green' });
    expect(await check(REVOKED)).toMatchObject({ ok: true, listed: 'revoked' });
    expect(await check(GREEN, 'cn-34')).toMatchObject({ ok: false, error: 'other-issuer' });
    expect(
      await verifier.verify(await ring.sign({ cid: GREEN, col: 'green', rsv: 1, iat: NOW_SEC }), NOW),
    ).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('offline: a status list that fails its signature opens nothing', async () => {
    const cardStatus = await signCardStatusList(
      { iss: 'cn-33', iat: NOW_SEC, revoked: [], notGreen: [] },
      ring.current,
    );
    const tampered = cardStatus.slice(0, -4) + (cardStatus.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await openOfflineCardVerifier({ jwks: ring.jwks(), cardStatus: tampered })).toEqual({
      ok: false,
      error: 'bad-signature',
    });
  });
});
