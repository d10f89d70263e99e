import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';

import { cardClaims } from './__tests__/card-token.fixture';
import { NOW, NOW_SEC, signRaw, validInput } from './__tests__/code-token.fixture';
import { KeyRing } from './key-ring';
import { signCardToken } from './sign-card-token.util';
import { verifyCodeToken } from './verify-code-token.util';
import { tokenTypeOf, verifyCardToken, verifyCardTokenWith } from './verify-card-token.util';

describe('verifyCardToken', () => {
  let ring: KeyRing;
  beforeAll(async () => {
    ring = await KeyRing.generate();
  });

  it('accepts a card within its validity, asynchronously and with a synchronous check', async () => {
    const token = await signCardToken(cardClaims(), ring.current);
    const at = new Date(NOW.getTime() + 89 * 86_400_000);
    expect(await verifyCardToken(token, ring.jwks(), { now: at })).toEqual({
      ok: true,
      claims: cardClaims(),
      kid: ring.current.kid,
    });
    const key = createPublicKey({ key: ring.current.publicJwk as JsonWebKey, format: 'jwk' });
    const check = (kid: string, input: string, sig: Uint8Array) =>
      kid === ring.current.kid
        ? verify('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }, sig)
        : undefined;
    expect(verifyCardTokenWith(token, check, { now: at })).toMatchObject({ ok: true });
  });

  it('refuses an expired card and one not valid yet', async () => {
    const token = await signCardToken(cardClaims(), ring.current);
    expect(await verifyCardToken(token, ring.jwks(), { now: new Date((NOW_SEC + 91 * 86_400) * 1000) })).toMatchObject({
      ok: false,
      error: 'expired',
    });
    expect(await verifyCardToken(token, ring.jwks(), { now: new Date(NOW.getTime() - 3_600_000) })).toMatchObject({
      ok: false,
      error: 'not-yet-valid',
    });
  });

  it('never takes a code token for a card, nor a card for a code token', async () => {
    const code = await ring.sign(validInput());
    const card = await signCardToken(cardClaims(), ring.current);
    expect(await verifyCardToken(code, ring.jwks(), { now: NOW })).toMatchObject({ ok: false, error: 'malformed' });
    expect(await verifyCodeToken(card, ring.jwks(), { now: NOW })).toMatchObject({ ok: false, error: 'malformed' });
    // A card's claims under the code typ, and a code's claims under the card typ, fail their claim checks too.
    const cardAsCode = await signRaw({ ...cardClaims() }, ring.current);
    expect(await verifyCodeToken(cardAsCode, ring.jwks(), { now: NOW })).toMatchObject({ error: 'bad-claims' });
    const codeAsCard = await signRaw({ ...validInput() }, ring.current, { typ: 'hc-card+jwt' });
    expect(await verifyCardToken(codeAsCard, ring.jwks(), { now: NOW })).toMatchObject({ error: 'bad-claims' });
  });

  it('refuses forged, unknown-key and altered cards', async () => {
    const other = await KeyRing.generate();
    const forged = await signCardToken(cardClaims(), other.current);
    expect(await verifyCardToken(forged, ring.jwks(), { now: NOW })).toMatchObject({ error: 'unknown-kid' });
    const token = await signCardToken(cardClaims(), ring.current);
    const [h, , s] = token.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify(cardClaims({ crd: 'zzzzzzzzzzzzzzzzzzzzzz' }))).toString('base64url')}.${s}`;
    expect(await verifyCardToken(altered, ring.jwks(), { now: NOW })).toMatchObject({ error: 'bad-signature' });
    const none = `${Buffer.from('{"alg":"none","typ":"hc-card+jwt"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(await verifyCardToken(none, ring.jwks(), { now: NOW })).toMatchObject({ ok: false });
    expect(await verifyCardToken('x'.repeat(2000), ring.jwks(), { now: NOW })).toMatchObject({ error: 'malformed' });
  });

  it('tells a card from a code token by its header only', async () => {
    expect(tokenTypeOf(await ring.sign(validInput()))).toBe('code');
    expect(tokenTypeOf(await signCardToken(cardClaims(), ring.current))).toBe('card');
    expect(tokenTypeOf('not.a.token')).toBeNull();
    expect(tokenTypeOf(42)).toBeNull();
  });
});
