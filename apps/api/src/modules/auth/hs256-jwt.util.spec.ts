import { createSecretKey, randomBytes } from 'node:crypto';

import { SignJWT } from 'jose';

import { signHs256Jwt, verifyHs256Jwt } from './hs256-jwt.util';

const key = createSecretKey(randomBytes(32));
const other = createSecretKey(randomBytes(32));
const now = Math.floor(Date.UTC(2026, 11, 6, 12) / 1000);

function sign(claims: Record<string, unknown>, options: { key?: typeof key; header?: Record<string, unknown> } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', ...options.header }).setIssuer('healthcode');
  if (!('exp' in claims)) jwt.setExpirationTime(now + 60);
  return jwt.sign(options.key ?? key);
}
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyHs256Jwt', () => {
  it('accepts a token jose signed and returns its claims', async () => {
    const token = await sign({ typ: 'resident', sub: 'r1', iat: now });
    expect(verifyHs256Jwt(token, key, 'healthcode', now)).toMatchObject({ typ: 'resident', sub: 'r1', iat: now });
  });

  it('refuses another key, another issuer, expired and not-yet-valid tokens', async () => {
    expect(verifyHs256Jwt(await sign({ sub: 'r1' }, { key: other }), key, 'healthcode', now)).toBeNull();
    expect(verifyHs256Jwt(await sign({ sub: 'r1' }), key, 'someone-else', now)).toBeNull();
    expect(verifyHs256Jwt(await sign({ sub: 'r1', exp: now }), key, 'healthcode', now)).toBeNull();
    expect(verifyHs256Jwt(await sign({ sub: 'r1', nbf: now + 5 }), key, 'healthcode', now)).toBeNull();
    expect(verifyHs256Jwt(await sign({ sub: 'r1', iat: 'yesterday' }), key, 'healthcode', now)).toBeNull();
  });

  it('requires an expiry', async () => {
    const token = await new SignJWT({ sub: 'r1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('healthcode')
      .sign(key);
    expect(verifyHs256Jwt(token, key, 'healthcode', now)).toBeNull();
  });

  it('refuses a changed payload, alg none, crit headers and malformed shapes', async () => {
    const token = await sign({ typ: 'resident', sub: 'r1' });
    const [h, , s] = token.split('.');
    const forged = `${h}.${b64({ typ: 'staff', sub: 'r1', iss: 'healthcode', exp: now + 60 })}.${s}`;
    expect(verifyHs256Jwt(forged, key, 'healthcode', now)).toBeNull();
    const unsigned = `${b64({ alg: 'none' })}.${b64({ sub: 'r1', iss: 'healthcode', exp: now + 60 })}.`;
    expect(verifyHs256Jwt(unsigned, key, 'healthcode', now)).toBeNull();
    const crit = await sign({ sub: 'r1' }, { header: { crit: ['b64'], b64: true } });
    expect(verifyHs256Jwt(crit, key, 'healthcode', now)).toBeNull();
    for (const bad of ['', 'a.b', 'a.b.c.d', '..', `${h}..${s}`, `${token}x`, 'x'.repeat(5000)]) {
      expect(verifyHs256Jwt(bad, key, 'healthcode', now)).toBeNull();
    }
  });

  it('refuses a payload that is not a JSON object', async () => {
    const header = b64({ alg: 'HS256' });
    const { createHmac } = await import('node:crypto');
    const body = Buffer.from('[1,2]').toString('base64url');
    const sig = createHmac('sha256', key).update(`${header}.${body}`).digest('base64url');
    expect(verifyHs256Jwt(`${header}.${body}.${sig}`, key, 'healthcode', now)).toBeNull();
  });
});

describe('signHs256Jwt', () => {
  it('signs a token that jose and verifyHs256Jwt both accept', async () => {
    const { jwtVerify } = await import('jose');
    const token = signHs256Jwt({ typ: 'resident', sub: 'r1', iss: 'healthcode', iat: now, exp: now + 60 }, key);
    expect(verifyHs256Jwt(token, key, 'healthcode', now)).toMatchObject({ sub: 'r1', exp: now + 60 });
    const { payload, protectedHeader } = await jwtVerify(token, key, {
      issuer: 'healthcode',
      currentDate: new Date(now * 1000),
    });
    expect(protectedHeader).toEqual({ alg: 'HS256' });
    expect(payload).toMatchObject({ typ: 'resident', sub: 'r1' });
  });
});
