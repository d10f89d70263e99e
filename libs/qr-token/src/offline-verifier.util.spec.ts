import { NOW, validInput } from './__tests__/code-token.fixture';
import { KeyRing } from './key-ring';
import { createOfflineVerifier } from './offline-verifier.util';

describe('createOfflineVerifier', () => {
  it('verifies tokens against a key set cached as JSON', async () => {
    const ring = await (await KeyRing.generate()).rotate();
    const cached = JSON.parse(JSON.stringify(ring.jwks()));
    const verifier = createOfflineVerifier(cached);
    expect(verifier.kids).toEqual(ring.kids);
    const token = await ring.sign(validInput({ col: 'yellow' }));
    expect(await verifier.verify(token, NOW)).toMatchObject({ ok: true, claims: { col: 'yellow' } });
  });

  it('reports expiry against the device clock it is given', async () => {
    const ring = await KeyRing.generate();
    const verifier = createOfflineVerifier(ring.jwks());
    const token = await ring.sign(validInput());
    expect(await verifier.verify(token, new Date(NOW.getTime() + 10 * 60_000))).toMatchObject({ error: 'expired' });
  });

  it('is not affected by later changes to the cached object', async () => {
    const ring = await KeyRing.generate();
    const cached = ring.jwks();
    const verifier = createOfflineVerifier(cached);
    cached.keys.length = 0;
    expect(await verifier.verify(await ring.sign(validInput()), NOW)).toMatchObject({ ok: true });
  });

  it('skips unusable keys and copes with an empty or broken cache', async () => {
    const ring = await KeyRing.generate();
    const token = await ring.sign(validInput());
    const { x: _x, ...broken } = ring.current.publicJwk;
    const unusable = [
      { ...ring.current.publicJwk, alg: 'RS256' },
      { ...ring.current.publicJwk, use: 'enc' },
      { ...ring.current.publicJwk, y: 'AAAA' },
      broken,
    ];
    for (const key of unusable) {
      expect(await createOfflineVerifier({ keys: [key] }).verify(token, NOW)).toMatchObject({ ok: false });
    }
    expect(await createOfflineVerifier({ keys: [] }).verify(token, NOW)).toMatchObject({ error: 'unknown-kid' });
    expect(await createOfflineVerifier(null as never).verify(token, NOW)).toMatchObject({ error: 'unknown-kid' });
  });
});
