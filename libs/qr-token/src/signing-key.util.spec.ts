import { calculateJwkThumbprint } from 'jose';

import { buildJwks } from './jwks.util';
import { generateSigningKey, importSigningKey } from './signing-key.util';

describe('generateSigningKey', () => {
  it('creates a P-256 key whose kid is the RFC 7638 thumbprint', async () => {
    const generated = await generateSigningKey();
    expect(generated.kid).toBe(await calculateJwkThumbprint(generated.publicJwk, 'sha256'));
    expect(generated.publicJwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: generated.kid,
      alg: 'ES256',
      use: 'sig',
    });
    expect(generated.privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', d: expect.any(String), kid: generated.kid });
  });

  it('creates a different key every time', async () => {
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    expect(a.kid).not.toBe(b.kid);
  });
});

describe('importSigningKey', () => {
  it('parses a stored private JWK, with or without its kid', async () => {
    const generated = await generateSigningKey();
    const imported = await importSigningKey(generated.privateJwk);
    expect(imported.kid).toBe(generated.kid);
    expect(imported.publicJwk).toEqual(generated.publicJwk);
    expect(imported.privateKey.extractable).toBe(false);
    const { kid: _kid, ...withoutKid } = generated.privateJwk;
    expect((await importSigningKey(withoutKid)).kid).toBe(generated.kid);
  });

  it('refuses a kid that is not the thumbprint', async () => {
    const generated = await generateSigningKey();
    await expect(importSigningKey({ ...generated.privateJwk, kid: 'chosen-by-hand' })).rejects.toThrow(TypeError);
  });

  it('refuses public keys and other key types', async () => {
    const generated = await generateSigningKey();
    await expect(importSigningKey(generated.publicJwk)).rejects.toThrow(TypeError);
    await expect(importSigningKey({ ...generated.privateJwk, crv: 'P-384' })).rejects.toThrow(TypeError);
    await expect(importSigningKey({ ...generated.privateJwk, alg: 'ES384' })).rejects.toThrow(TypeError);
    await expect(importSigningKey({ kty: 'oct', k: 'c2VjcmV0' })).rejects.toThrow(TypeError);
  });
});

describe('buildJwks', () => {
  it('publishes public members only, even when handed a private JWK', async () => {
    const a = await generateSigningKey();
    const jwks = buildJwks([a.privateJwk]);
    expect(jwks.keys).toEqual([a.publicJwk]);
    expect(JSON.stringify(jwks)).not.toContain(a.privateJwk.d);
  });

  it('keeps two keys during a rotation and drops duplicates', async () => {
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    expect(buildJwks([a.publicJwk, b.publicJwk, a.publicJwk]).keys.map((k) => k.kid)).toEqual([a.kid, b.kid]);
  });

  it('needs a kid on every key', async () => {
    const { kid: _kid, ...anonymous } = (await generateSigningKey()).publicJwk;
    expect(() => buildJwks([anonymous])).toThrow(TypeError);
  });
});
