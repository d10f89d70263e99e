import { NOW, NOW_SEC, signRaw, validInput } from './__tests__/code-token.fixture';
import { KeyRing } from './key-ring';
import { openOfflineTrustBundle } from './offline-bundle.util';
import { readIssuerDocument, readTrustList, signIssuerDocument, signTrustList } from './signed-document.util';
import type { TrustedIssuer } from './trusted-issuer.model';
import { createTrustedVerifier } from './trusted-verifier.util';

describe('createTrustedVerifier', () => {
  const window = { nbf: NOW_SEC - 86_400, exp: NOW_SEC + 86_400 };
  let own: KeyRing;
  let peerA: KeyRing;
  let peerB: KeyRing;
  let stranger: KeyRing;
  const entry = (iss: string, ring: KeyRing, overrides: Partial<TrustedIssuer> = {}): TrustedIssuer => ({
    iss,
    region: iss === 'cn-34' ? '34' : '44',
    jwks: ring.jwks(),
    status: 'active',
    ...window,
    ...overrides,
  });
  const verifier = (peers: TrustedIssuer[]) =>
    createTrustedVerifier({ own: { iss: 'cn-33', region: '33', resolveKey: own.resolveKey }, peers });

  beforeAll(async () => {
    [own, peerA, peerB, stranger] = await Promise.all([
      KeyRing.generate(),
      KeyRing.generate(),
      KeyRing.generate(),
      KeyRing.generate(),
    ]);
  });

  it('accepts own tokens with and without iss (tokens signed before issuer ids keep working)', async () => {
    const v = verifier([]);
    for (const token of [await own.sign(validInput()), await own.sign(validInput({ iss: 'cn-33' }))]) {
      expect(await v.verify(token, NOW)).toMatchObject({ ok: true, issuer: { iss: 'cn-33', region: '33', own: true } });
    }
  });

  it('refuses an own-key token that names another issuer', async () => {
    const token = await own.sign(validInput({ iss: 'cn-34' }));
    expect(await verifier([entry('cn-34', peerA)]).verify(token, NOW)).toMatchObject({ error: 'issuer-mismatch' });
  });

  it("accepts an active peer's token inside its window and names the peer's region", async () => {
    const token = await peerA.sign(validInput({ iss: 'cn-34', col: 'yellow' }));
    expect(await verifier([entry('cn-34', peerA)]).verify(token, NOW)).toMatchObject({
      ok: true,
      claims: { col: 'yellow', iss: 'cn-34' },
      issuer: { iss: 'cn-34', region: '34', own: false },
    });
  });

  it('refuses unknown, suspended and out-of-window issuers with their reasons', async () => {
    const token = await peerA.sign(validInput({ iss: 'cn-34' }));
    expect(await verifier([]).verify(token, NOW)).toMatchObject({ ok: false, error: 'unknown-issuer' });
    expect(await verifier([entry('cn-34', peerA, { status: 'suspended' })]).verify(token, NOW)).toMatchObject({
      error: 'issuer-suspended',
      issuer: { iss: 'cn-34', region: '34' },
    });
    const expired = entry('cn-34', peerA, { nbf: NOW_SEC - 100, exp: NOW_SEC - 10 });
    expect(await verifier([expired]).verify(token, NOW)).toMatchObject({ error: 'issuer-outside-validity' });
    const early = entry('cn-34', peerA, { nbf: NOW_SEC + 100, exp: NOW_SEC + 1000 });
    expect(await verifier([early]).verify(token, NOW)).toMatchObject({ error: 'issuer-outside-validity' });
  });

  it('refuses forged peer tokens, a replaced peer key and one peer speaking for another', async () => {
    const v = verifier([entry('cn-34', peerA), entry('cn-44', peerB)]);
    // Signed by a stranger's key, claiming cn-34: its kid is not pinned for cn-34.
    expect(await v.verify(await stranger.sign(validInput({ iss: 'cn-34' })), NOW)).toMatchObject({
      error: 'unknown-kid',
    });
    // A stranger's signature under cn-34's kid.
    const forged = await signRaw({ ...validInput({ iss: 'cn-34' }) }, { ...stranger.current, kid: peerA.current.kid });
    expect(await v.verify(forged, NOW)).toMatchObject({ error: 'bad-signature' });
    // cn-34 rotated to a key that was never pinned.
    const rotated = await peerA.rotate();
    expect(await v.verify(await rotated.sign(validInput({ iss: 'cn-34' })), NOW)).toMatchObject({
      error: 'unknown-kid',
    });
    // cn-44's key signing a token that claims cn-34.
    expect(await v.verify(await peerB.sign(validInput({ iss: 'cn-34' })), NOW)).toMatchObject({
      error: 'unknown-kid',
    });
    // A peer token without iss cannot be placed.
    expect(await v.verify(await peerA.sign(validInput()), NOW)).toMatchObject({ error: 'unknown-kid' });
  });

  it('checks the clock and claims of peer tokens like its own', async () => {
    const v = verifier([entry('cn-34', peerA)]);
    const token = await peerA.sign(validInput({ iss: 'cn-34' }));
    expect(await v.verify(token, new Date(NOW.getTime() + 10 * 60_000))).toMatchObject({ error: 'expired' });
  });

  it('never lets a peer entry shadow the own issuer id', async () => {
    const v = verifier([entry('cn-33', peerA)]);
    expect(v.issuers).toEqual([]);
    expect(await v.verify(await peerA.sign(validInput({ iss: 'cn-33' })), NOW)).toMatchObject({ error: 'unknown-kid' });
  });
});

describe('signed issuer documents and trust lists', () => {
  it('round-trips an issuer document and refuses one signed by another key or altered', async () => {
    const ring = await KeyRing.generate();
    const other = await KeyRing.generate();
    const doc = {
      iss: 'cn-34',
      region: '34',
      jwks_uri: 'https://a.example/.well-known/jwks.json',
      contact: 'ops@a',
      iat: NOW_SEC,
    };
    const jws = await signIssuerDocument(doc, ring.current);
    expect(await readIssuerDocument(jws, ring.jwks())).toMatchObject({ ok: true, value: doc });
    expect(await readIssuerDocument(jws, other.jwks())).toEqual({ ok: false, error: 'unknown-kid' });
    const [h, , s] = jws.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ ...doc, region: '11' })).toString('base64url')}.${s}`;
    expect(await readIssuerDocument(altered, ring.jwks())).toEqual({ ok: false, error: 'bad-signature' });
    // A trust list is not an issuer document, even with the right key.
    const list = await signTrustList({ iss: 'cn-34', region: '34', iat: NOW_SEC, issuers: [] }, ring.current);
    expect(await readIssuerDocument(list, ring.jwks())).toEqual({ ok: false, error: 'malformed' });
  });

  it('opens an offline bundle: own and listed peer tokens verify, the list age is known', async () => {
    const own = await KeyRing.generate();
    const peer = await KeyRing.generate();
    const trustList = await signTrustList(
      {
        iss: 'cn-33',
        region: '33',
        iat: NOW_SEC - 600,
        issuers: [
          { iss: 'cn-34', region: '34', jwks: peer.jwks(), status: 'active', nbf: NOW_SEC - 1, exp: NOW_SEC + 9 },
        ],
      },
      own.current,
    );
    expect((await readTrustList(trustList, own.jwks())).ok).toBe(true);
    const opened = await openOfflineTrustBundle(JSON.parse(JSON.stringify({ jwks: own.jwks(), trustList })));
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.issuedAt).toBe(NOW_SEC - 600);
    expect(opened.issuer).toEqual({ iss: 'cn-33', region: '33' });
    expect(await opened.verifier.verify(await own.sign(validInput()), NOW)).toMatchObject({ ok: true });
    expect(await opened.verifier.verify(await peer.sign(validInput({ iss: 'cn-34' })), NOW)).toMatchObject({
      ok: true,
      issuer: { region: '34' },
    });
    // A list signed by someone else is refused as a whole.
    const foreign = await KeyRing.generate();
    expect(await openOfflineTrustBundle({ jwks: foreign.jwks(), trustList })).toEqual({
      ok: false,
      error: 'unknown-kid',
    });
  });
});
