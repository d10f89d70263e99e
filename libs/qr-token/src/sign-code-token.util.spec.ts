import { decodeJwt, decodeProtectedHeader } from 'jose';

import { NOW, NOW_SEC, validInput } from './__tests__/code-token.fixture';
import { InvalidCodeTokenClaimsException } from './code-token-claims.exception';
import type { CodeTokenInput } from './code-token.model';
import { signCodeToken } from './sign-code-token.util';
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-key.util';

describe('signCodeToken', () => {
  let key: SigningKey;
  beforeAll(async () => {
    key = await importSigningKey((await generateSigningKey()).privateJwk);
  });

  it('produces an ES256 JWT with the kid and the hc+jwt type', async () => {
    const token = await signCodeToken(validInput(), key);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'hc+jwt' });
    expect(decodeJwt(token)).toEqual({
      cid: 'q1w2e3r4t5y6u7i8o9p0aZ',
      col: 'green',
      iat: NOW_SEC,
      exp: NOW_SEC + 300,
      rsv: 7,
      cv: 2,
    });
    expect(token.length).toBeLessThan(400);
  });

  it('defaults iat to now and exp to five minutes later, and leaves cv out when absent', async () => {
    const token = await signCodeToken({ cid: 'q1w2e3r4t5y6u7i8o9p0aZ', col: 'red', rsv: 0 }, key, { now: NOW });
    expect(decodeJwt(token)).toEqual({
      cid: 'q1w2e3r4t5y6u7i8o9p0aZ',
      col: 'red',
      iat: NOW_SEC,
      exp: NOW_SEC + 300,
      rsv: 0,
    });
  });

  it.each(['name', 'idNumber', 'phone', 'residentId', 'sub', 'nbf'])('refuses the extra claim %s', async (name) => {
    const claims = { ...validInput(), [name]: '330106199001011234' } as CodeTokenInput;
    const attempt = signCodeToken(claims, key);
    await expect(attempt).rejects.toBeInstanceOf(InvalidCodeTokenClaimsException);
    await expect(attempt).rejects.toMatchObject({ claim: name });
  });

  it('never repeats the refused value in the error message', async () => {
    const claims = { ...validInput(), phone: '13812345678' } as CodeTokenInput;
    await expect(signCodeToken(claims, key)).rejects.not.toThrow(/13812345678/);
  });

  it.each<[string, Partial<CodeTokenInput>]>([
    ['an ID number as cid', { cid: '330106199001011234' }],
    ['an ID number ending in X as cid', { cid: '11010519491231002X' }],
    ['a short cid', { cid: 'abc' }],
    ['a cid with non-base64url characters', { cid: 'q1w2e3r4t5y6u7i8o9p0a+' }],
    ['an unknown colour', { col: 'blue' as never }],
    ['exp more than 300 s after iat', { exp: NOW_SEC + 301 }],
    ['exp before iat', { exp: NOW_SEC - 1 }],
    ['fractional iat', { iat: NOW_SEC + 0.5 }],
    ['negative rsv', { rsv: -1 }],
    ['non-integer cv', { cv: 1.5 }],
  ])('refuses %s', async (_case, overrides) => {
    await expect(signCodeToken(validInput(overrides), key)).rejects.toBeInstanceOf(InvalidCodeTokenClaimsException);
  });

  it('accepts exactly 300 s of validity', async () => {
    await expect(signCodeToken(validInput({ exp: NOW_SEC + 300 }), key)).resolves.toEqual(expect.any(String));
  });
});
