import { decodeJwt, decodeProtectedHeader } from 'jose';

import { NOW_SEC } from './__tests__/code-token.fixture';
import { cardClaims } from './__tests__/card-token.fixture';
import type { CardTokenClaims } from './card-token.model';
import { InvalidCodeTokenClaimsException } from './code-token-claims.exception';
import { signCardToken } from './sign-card-token.util';
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-key.util';

describe('signCardToken', () => {
  let key: SigningKey;
  beforeAll(async () => {
    key = await importSigningKey((await generateSigningKey()).privateJwk);
  });

  it('signs issuer, card id and validity only, under its own typ', async () => {
    const token = await signCardToken(cardClaims(), key);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'hc-card+jwt' });
    expect(decodeJwt(token)).toEqual(cardClaims());
    expect(token.length).toBeLessThan(400);
  });

  it.each(['name', 'col', 'cid', 'idNumber'])('refuses the extra claim %s without quoting its value', async (name) => {
    const attempt = signCardToken({ ...cardClaims(), [name]: '330106199001011234' } as CardTokenClaims, key);
    await expect(attempt).rejects.toBeInstanceOf(InvalidCodeTokenClaimsException);
    await expect(attempt).rejects.toMatchObject({ claim: name });
    await expect(attempt).rejects.not.toThrow(/330106199001011234/);
  });

  it.each<[string, Partial<CardTokenClaims>]>([
    ['an ID number as card id', { crd: '330106199001011234' }],
    ['a short card id', { crd: 'abc' }],
    ['no issuer', { iss: '' }],
    ['exp before nbf', { exp: NOW_SEC - 1 }],
    ['a validity over a year', { exp: NOW_SEC + 367 * 86_400 }],
  ])('refuses %s', async (_, overrides) => {
    await expect(signCardToken(cardClaims(overrides), key)).rejects.toBeInstanceOf(InvalidCodeTokenClaimsException);
  });
});
