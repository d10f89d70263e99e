import { NOW, validInput } from './__tests__/code-token.fixture';
import { KeyRing } from './key-ring';
import { generateSigningKey, importSigningKey } from './signing-key.util';
import { verifyCodeToken } from './verify-code-token.util';

const at = { now: NOW };

describe('KeyRing', () => {
  it('signs with the current key and verifies its own tokens', async () => {
    const ring = await KeyRing.generate();
    const token = await ring.sign(validInput());
    expect(await ring.verify(token, at)).toMatchObject({ ok: true, kid: ring.current.kid });
    expect(ring.kids).toEqual([ring.current.kid]);
  });

  it('keeps the previous key for verification after a rotation, then drops it on the next', async () => {
    const first = await KeyRing.generate();
    const oldToken = await first.sign(validInput());

    const second = await first.rotate();
    expect(second.current.kid).not.toBe(first.current.kid);
    expect(second.previous?.kid).toBe(first.current.kid);
    expect(await second.verify(oldToken, at)).toMatchObject({ ok: true });
    expect(await verifyCodeToken(oldToken, second.jwks(), at)).toMatchObject({ ok: true });

    const newToken = await second.sign(validInput());
    expect(await second.verify(newToken, at)).toMatchObject({ ok: true });
    expect(await first.verify(newToken, at)).toMatchObject({ ok: false, error: 'unknown-kid' });

    const third = await second.rotate();
    expect(third.kids).toEqual([third.current.kid, second.current.kid]);
    expect(await third.verify(oldToken, at)).toMatchObject({ ok: false, error: 'unknown-kid' });
    expect(await verifyCodeToken(oldToken, third.jwks(), at)).toMatchObject({ ok: false, error: 'unknown-kid' });
    expect(await third.verify(newToken, at)).toMatchObject({ ok: true });
  });

  it('ends the overlap with dropPrevious', async () => {
    const first = await KeyRing.generate();
    const oldToken = await first.sign(validInput());
    const rotated = (await first.rotate()).dropPrevious();
    expect(rotated.previous).toBeNull();
    expect(await rotated.verify(oldToken, at)).toMatchObject({ ok: false, error: 'unknown-kid' });
  });

  it('rotates to a supplied key, the way a signer that stores its keys does', async () => {
    const stored = await generateSigningKey();
    const ring = await (await KeyRing.generate()).rotate(await importSigningKey(stored.privateJwk));
    expect(ring.current.kid).toBe(stored.kid);
    expect(ring.jwks().keys.map((k) => k.kid)).toEqual([stored.kid, ring.previous?.kid]);
  });

  it('publishes public keys only', async () => {
    const ring = await (await KeyRing.generate()).rotate();
    expect(ring.jwks().keys).toHaveLength(2);
    expect(ring.jwks().keys.every((k) => k.d === undefined)).toBe(true);
  });

  it('refuses the same key as current and previous', async () => {
    const ring = await KeyRing.generate();
    expect(() => KeyRing.of(ring.current, ring.current)).toThrow();
    await expect(ring.rotate(ring.current)).rejects.toThrow();
  });
});
