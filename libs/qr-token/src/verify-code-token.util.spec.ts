import { createPublicKey, KeyObject, verify as nodeVerify } from 'node:crypto';

import { generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

import { encodeSegment, NOW, NOW_SEC, signRaw, validInput } from './__tests__/code-token.fixture';
import { buildJwks } from './jwks.util';
import { QR_TOKEN_MAX_LENGTH } from './qr-token.constant';
import { signCodeToken } from './sign-code-token.util';
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-key.util';
import type { CodeTokenKeyResolver } from './key-resolver.util';
import {
  type CodeTokenSignatureCheck,
  isWellFormedToken,
  verifyCodeToken,
  verifyCodeTokenWith,
} from './verify-code-token.util';

/** What the API does: node:crypto ES256 with JWS signatures, keys by kid (from a key set or a resolver). */
function nodeCheck(keys: JSONWebKeySet | CodeTokenKeyResolver | undefined): CodeTokenSignatureCheck {
  return (kid, input, signature) => {
    let key: KeyObject | undefined;
    if (typeof keys === 'function') {
      const found = keys(kid) as CryptoKey | undefined;
      key = found ? KeyObject.from(found as never) : undefined;
    } else {
      const jwk = keys?.keys.find((k) => k.kid === kid);
      key = jwk ? createPublicKey({ key: jwk as JWK & { kty: string }, format: 'jwk' }) : undefined;
    }
    if (!key) return undefined;
    return nodeVerify('sha256', Buffer.from(input, 'ascii'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  };
}

/** Every case runs against both: WebCrypto through jose, and the synchronous node:crypto path. */
const VERIFIERS: [string, typeof verifyCodeToken][] = [
  ['verifyCodeToken (jose)', verifyCodeToken],
  [
    'verifyCodeTokenWith (node:crypto)',
    async (token, keys, options) => verifyCodeTokenWith(token, nodeCheck(keys as never), options),
  ],
];

const at = (offsetSec: number) => ({ now: new Date(NOW.getTime() + offsetSec * 1000) });

describe.each(VERIFIERS)('%s', (_name, verifyCodeToken) => {
  let key: SigningKey;
  let otherKey: SigningKey;
  let jwks: JSONWebKeySet;
  let token: string;

  beforeAll(async () => {
    key = await importSigningKey((await generateSigningKey()).privateJwk);
    otherKey = await importSigningKey((await generateSigningKey()).privateJwk);
    jwks = buildJwks([key.publicJwk]);
    token = await signCodeToken(validInput(), key);
  });

  const expectError = async (candidate: unknown, error: string, options = at(0)) =>
    expect(await verifyCodeToken(candidate, jwks, options)).toMatchObject({ ok: false, error });

  it('verifies what signCodeToken signed', async () => {
    expect(await verifyCodeToken(token, jwks, at(0))).toEqual({
      ok: true,
      kid: key.kid,
      claims: { cid: 'q1w2e3r4t5y6u7i8o9p0aZ', col: 'green', iat: NOW_SEC, exp: NOW_SEC + 300, rsv: 7, cv: 2 },
    });
  });

  it('treats a missing key set as knowing no keys', async () => {
    expect(await verifyCodeToken(token, undefined as never, at(0))).toMatchObject({ ok: false, error: 'unknown-kid' });
  });

  it('accepts a key resolver instead of a key set', async () => {
    const resolver = (kid: string) => (kid === key.kid ? key.publicKey : undefined);
    expect(await verifyCodeToken(token, resolver, at(0))).toMatchObject({ ok: true });
  });

  describe('signature', () => {
    it('rejects a tampered payload', async () => {
      const [header, , signature] = token.split('.');
      const payload = encodeSegment({ ...validInput(), col: 'green', rsv: 8 });
      await expectError(`${header}.${payload}.${signature}`, 'bad-signature');
    });

    it('rejects a payload whose colour was changed from red to green', async () => {
      const red = await signCodeToken(validInput({ col: 'red' }), key);
      const [header, , signature] = red.split('.');
      await expectError(`${header}.${encodeSegment(validInput({ col: 'green' }))}.${signature}`, 'bad-signature');
    });

    it('rejects a tampered signature', async () => {
      const [header, payload, signature] = token.split('.');
      const flipped = (signature[10] === 'A' ? 'B' : 'A') + '';
      await expectError(
        `${header}.${payload}.${signature.slice(0, 10)}${flipped}${signature.slice(11)}`,
        'bad-signature',
      );
    });

    it('rejects a truncated signature', async () => {
      await expectError(token.slice(0, -5), 'bad-signature');
    });

    it('rejects a token signed by another ES256 key that claims a trusted kid', async () => {
      const forged = await signRaw(validInput(), otherKey, { kid: key.kid });
      await expectError(forged, 'bad-signature');
    });

    it('rejects a token whose kid is not in the key set', async () => {
      await expectError(await signCodeToken(validInput(), otherKey), 'unknown-kid');
    });
  });

  describe('algorithm', () => {
    it('rejects alg none before looking at keys', async () => {
      const resolver = jest.fn();
      const unsigned = `eyJhbGciOiJub25lIn0.${encodeSegment(validInput())}.`;
      expect(await verifyCodeToken(unsigned, resolver, at(0))).toMatchObject({ ok: false, error: 'bad-alg' });
      const withKid = `${encodeSegment({ alg: 'none', kid: key.kid, typ: 'hc+jwt' })}.${encodeSegment(validInput())}.`;
      expect(await verifyCodeToken(withKid, resolver, at(0))).toMatchObject({ ok: false, error: 'bad-alg' });
      expect(resolver).not.toHaveBeenCalled();
    });

    it.each(['NONE', 'None', 'es256', ''])('rejects alg %p', async (alg) => {
      const [, payload, signature] = token.split('.');
      await expectError(`${encodeSegment({ alg, kid: key.kid, typ: 'hc+jwt' })}.${payload}.${signature}`, 'bad-alg');
    });

    it('rejects HS256 signed with the public key as the secret (algorithm confusion)', async () => {
      const resolver = jest.fn(() => key.publicKey);
      for (const secret of [JSON.stringify(key.publicJwk), key.publicJwk.x as string]) {
        const confused = await new SignJWT({ ...validInput() })
          .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'hc+jwt' })
          .sign(new TextEncoder().encode(secret));
        expect(await verifyCodeToken(confused, resolver, at(0))).toMatchObject({ ok: false, error: 'bad-alg' });
      }
      expect(resolver).not.toHaveBeenCalled();
    });

    it('rejects RS256 and ES384 tokens', async () => {
      for (const alg of ['RS256', 'ES384']) {
        const { privateKey } = await generateKeyPair(alg);
        const other = await new SignJWT({ ...validInput() })
          .setProtectedHeader({ alg, kid: key.kid, typ: 'hc+jwt' })
          .sign(privateKey);
        await expectError(other, 'bad-alg');
      }
    });
  });

  describe('time', () => {
    it('accepts a token within 30 s after exp and rejects it later', async () => {
      expect(await verifyCodeToken(token, jwks, at(300 + 29))).toMatchObject({ ok: true });
      await expectError(token, 'expired', at(300 + 30));
      await expectError(token, 'expired', at(300 + 31));
      await expectError(token, 'expired', at(86_400));
    });

    it('accepts an iat up to 30 s ahead of the verifier clock and rejects more', async () => {
      expect(await verifyCodeToken(token, jwks, at(-30))).toMatchObject({ ok: true });
      await expectError(token, 'not-yet-valid', at(-31));
    });

    it('honours a custom clock tolerance', async () => {
      expect(await verifyCodeToken(token, jwks, { ...at(305), clockToleranceSec: 0 })).toMatchObject({
        ok: false,
        error: 'expired',
      });
    });

    it('refuses nonsensical options', async () => {
      await expect(verifyCodeToken(token, jwks, { clockToleranceSec: Infinity })).rejects.toThrow(RangeError);
      await expect(verifyCodeToken(token, jwks, { clockToleranceSec: -1 })).rejects.toThrow(RangeError);
      await expect(verifyCodeToken(token, jwks, { now: new Date('nonsense') })).rejects.toThrow(RangeError);
    });
  });

  describe('claims', () => {
    it('rejects a validly signed token living longer than 300 s', async () => {
      await expectError(await signRaw({ ...validInput(), exp: NOW_SEC + 301 }, key), 'bad-claims');
    });

    it.each<[string, Record<string, unknown>]>([
      ['missing cid', { cid: undefined }],
      ['unknown colour', { col: 'purple' }],
      ['string iat', { iat: String(NOW_SEC) }],
      ['missing rsv', { rsv: undefined }],
      ['ID number as cid', { cid: '330106199001011234' }],
    ])('rejects a validly signed token with %s', async (_case, overrides) => {
      await expectError(await signRaw({ ...validInput(), ...overrides }, key), 'bad-claims');
    });

    it('ignores claims it does not know, and does not pass them on', async () => {
      const result = await verifyCodeToken(await signRaw({ ...validInput(), future: 1 }, key), jwks, at(0));
      expect(result).toMatchObject({ ok: true });
      expect(result.ok && 'future' in result.claims).toBe(false);
    });
  });

  describe('header', () => {
    it('rejects another token type signed with the same key', async () => {
      await expectError(await signRaw(validInput(), key, { typ: 'JWT' }), 'malformed');
    });

    it('rejects unexpected header parameters such as an embedded key', async () => {
      await expectError(await signRaw(validInput(), key, { jwk: otherKey.publicJwk }), 'malformed');
    });

    it('rejects a token without kid', async () => {
      await expectError(await signRaw(validInput(), key, { kid: undefined }), 'malformed');
    });
  });

  describe('garbage', () => {
    it.each([
      ['empty string', ''],
      ['plain text', 'hello'],
      ['a URL', 'https://example.com/?a=b.c.d'],
      ['two parts', 'abc.def'],
      ['four parts', 'a.b.c.d'],
      ['dots only', '..'],
      ['non-JSON header', 'aGVsbG8.aGVsbG8.aGVsbG8'],
      ['array header', `${encodeSegment([1])}.e30.abc`],
      ['unicode', '健康码.健康码.健康码'],
      ['undefined', undefined],
      ['null', null],
      ['number', 42],
      ['object', { token: 'x' }],
    ])('reports %s as malformed', async (_case, candidate) => {
      await expectError(candidate, 'malformed');
    });

    it('rejects a huge string early, without looking at keys', async () => {
      const resolver = jest.fn();
      const huge = `${token}${'A'.repeat(5000)}`;
      expect(await verifyCodeToken(huge, resolver, at(0))).toMatchObject({ ok: false, error: 'malformed' });
      expect(await verifyCodeToken('x'.repeat(QR_TOKEN_MAX_LENGTH + 1), resolver)).toMatchObject({
        error: 'malformed',
      });
      expect(resolver).not.toHaveBeenCalled();
    });

    it('rejects a validly signed empty claim set as bad claims', async () => {
      await expectError(await signRaw({}, key), 'bad-claims');
    });

    it('never quotes the token in its messages', async () => {
      const results = await Promise.all([
        verifyCodeToken(token, jwks, at(1000)),
        verifyCodeToken(`${token}x`, jwks, at(0)),
        verifyCodeToken(await signRaw({ ...validInput(), col: 'q1w2e3r4' }, key), jwks, at(0)),
      ]);
      for (const result of results) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).not.toMatch(/q1w2e3r4/);
      }
    });
  });
});

describe('isWellFormedToken', () => {
  it('accepts three base64url parts and nothing else', () => {
    expect(isWellFormedToken('abc.def.ghi')).toBe(true);
    expect(isWellFormedToken('abc.def.')).toBe(false);
    expect(isWellFormedToken('abc.def')).toBe(false);
    expect(isWellFormedToken('ab+c.def.ghi')).toBe(false);
    expect(isWellFormedToken(`${'a'.repeat(QR_TOKEN_MAX_LENGTH)}.b.c`)).toBe(false);
    expect(isWellFormedToken(7)).toBe(false);
  });
});
