import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SignJWT, type JWK } from 'jose';

import type { CodeTokenInput } from './code-token.model';
import { generateCodeId } from './code-id.util';
import { KeyRing } from './key-ring';
import { openOfflineTrustBundle, type OfflineTrustBundle } from './offline-bundle.util';
import { signTrustList } from './signed-document.util';
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-key.util';

/**
 * The published conformance vectors (docs/conformance/vectors.json): tokens, keys, a signed trust list and the
 * verdict each token must get. This spec checks our verifier against the committed file; with
 * REGENERATE_CONFORMANCE=1 it writes a fresh file first (new keys and signatures, the same cases).
 */
const FILE = join(__dirname, '../../../docs/conformance/vectors.json');
const NOW = '2026-12-07T02:00:00Z';
const NOW_SEC = Date.parse(NOW) / 1000;

type Expected = { ok: true; col: string; iss: string; region: string; own: boolean } | { ok: false; error: string };
interface Vector {
  name: string;
  description: string;
  token: string;
  expected: Expected;
}
interface VectorFile {
  about: string;
  now: string;
  clockToleranceSec: number;
  bundle: OfflineTrustBundle;
  testOnlyPrivateKeys: Record<string, JWK>;
  vectors: Vector[];
}

async function generate(): Promise<VectorFile> {
  const keys = {
    'cn-33': await generateSigningKey(),
    'cn-34': await generateSigningKey(),
    'cn-35': await generateSigningKey(),
    'cn-36': await generateSigningKey(),
    stranger: await generateSigningKey(),
  };
  const imported: Record<string, SigningKey> = {};
  for (const [name, k] of Object.entries(keys)) imported[name] = await importSigningKey(k.privateJwk);
  const ring = (name: string) => KeyRing.of(imported[name]);
  const claims = (over: Partial<CodeTokenInput> = {}): CodeTokenInput => ({
    cid: generateCodeId(),
    col: 'green',
    rsv: 3,
    cv: 1,
    iat: NOW_SEC - 60,
    exp: NOW_SEC + 240,
    ...over,
  });
  const raw = (payload: Record<string, unknown>, key: SigningKey, header: Record<string, unknown> = {}) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'hc+jwt', ...header })
      .sign(key.privateKey);
  const window = { nbf: NOW_SEC - 86_400, exp: NOW_SEC + 365 * 86_400 };
  const trustList = await signTrustList(
    {
      iss: 'cn-33',
      region: '33',
      iat: NOW_SEC - 300,
      issuers: [
        { iss: 'cn-34', region: '34', status: 'active', jwks: ring('cn-34').jwks(), ...window },
        { iss: 'cn-35', region: '35', status: 'suspended', jwks: ring('cn-35').jwks(), ...window },
        {
          iss: 'cn-36',
          region: '36',
          status: 'active',
          jwks: ring('cn-36').jwks(),
          nbf: NOW_SEC - 9000,
          exp: NOW_SEC - 10,
        },
      ],
    },
    imported['cn-33'],
  );
  const genuine = await ring('cn-34').sign(claims({ iss: 'cn-34' }));
  const [h, p, s] = genuine.split('.');
  const redPayload = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), col: 'red' }),
  ).toString('base64url');
  const own = (col: string) => ({ ok: true as const, col, iss: 'cn-33', region: '33', own: true });
  const peer = (col: string) => ({ ok: true as const, col, iss: 'cn-34', region: '34', own: false });
  const fail = (error: string) => ({ ok: false as const, error });
  const v = (name: string, description: string, token: string, expected: Expected): Vector => ({
    name,
    description,
    token,
    expected,
  });
  return {
    about:
      'healthcode issuer conformance vectors (issue #19). Open `bundle` (the publisher cn-33: its JWKS and its signed ' +
      'trust list), verify every token at `now` with `clockToleranceSec`, and compare with `expected`. The private ' +
      'keys are test keys only, published so that signers can be checked too. Regenerate: ' +
      'REGENERATE_CONFORMANCE=1 npx jest conformance-vectors (in libs/qr-token).',
    now: NOW,
    clockToleranceSec: 30,
    bundle: { jwks: ring('cn-33').jwks(), trustList },
    testOnlyPrivateKeys: Object.fromEntries(Object.entries(keys).map(([name, k]) => [name, k.privateJwk])),
    vectors: [
      v(
        'own-with-iss',
        'Own token naming its issuer',
        await ring('cn-33').sign(claims({ iss: 'cn-33' })),
        own('green'),
      ),
      v(
        'own-without-iss',
        'Own token from before issuer ids: read as own',
        await ring('cn-33').sign(claims()),
        own('green'),
      ),
      v('own-red', 'Own red token', await ring('cn-33').sign(claims({ iss: 'cn-33', col: 'red' })), own('red')),
      v('peer-green', 'Active trusted peer', genuine, peer('green')),
      v(
        'peer-yellow',
        'Active trusted peer, yellow',
        await ring('cn-34').sign(claims({ iss: 'cn-34', col: 'yellow' })),
        peer('yellow'),
      ),
      v(
        'peer-altered-colour',
        'Peer token with its colour changed after signing',
        `${h}.${redPayload}.${s}`,
        fail('bad-signature'),
      ),
      v(
        'peer-forged-signature',
        "A stranger's signature under the peer's kid",
        await raw(JSON.parse(Buffer.from(p, 'base64url').toString()), {
          ...imported.stranger,
          kid: imported['cn-34'].kid,
        }),
        fail('bad-signature'),
      ),
      v(
        'peer-unpinned-key',
        'Signed by a key not pinned for the peer (a replaced key)',
        await ring('stranger').sign(claims({ iss: 'cn-34' })),
        fail('unknown-kid'),
      ),
      v('peer-without-iss', "A peer's token without iss", await ring('cn-34').sign(claims()), fail('unknown-kid')),
      v(
        'unknown-issuer',
        'An issuer not on the trust list',
        await ring('stranger').sign(claims({ iss: 'cn-44' })),
        fail('unknown-issuer'),
      ),
      v(
        'suspended-issuer',
        'A suspended issuer',
        await ring('cn-35').sign(claims({ iss: 'cn-35' })),
        fail('issuer-suspended'),
      ),
      v(
        'issuer-outside-window',
        "An issuer whose entry's window has ended",
        await ring('cn-36').sign(claims({ iss: 'cn-36' })),
        fail('issuer-outside-validity'),
      ),
      v(
        'own-key-foreign-iss',
        'Own key, naming a peer',
        await ring('cn-33').sign(claims({ iss: 'cn-34' })),
        fail('issuer-mismatch'),
      ),
      v(
        'peer-key-other-peer',
        "cn-34's key naming cn-35",
        await ring('cn-34').sign(claims({ iss: 'cn-35' })),
        fail('issuer-suspended'),
      ),
      v(
        'expired',
        'Own token expired 10 minutes ago',
        await ring('cn-33').sign(claims({ iss: 'cn-33', iat: NOW_SEC - 900, exp: NOW_SEC - 600 })),
        fail('expired'),
      ),
      v(
        'peer-expired',
        'Peer token expired',
        await ring('cn-34').sign(claims({ iss: 'cn-34', iat: NOW_SEC - 900, exp: NOW_SEC - 600 })),
        fail('expired'),
      ),
      v(
        'not-yet-valid',
        'Issued 10 minutes in the future',
        await ring('cn-33').sign(claims({ iat: NOW_SEC + 600, exp: NOW_SEC + 900 })),
        fail('not-yet-valid'),
      ),
      v(
        'alg-none',
        'Unsigned token',
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'hc+jwt', kid: imported['cn-33'].kid })).toString('base64url')}.${p}.`,
        fail('bad-alg'),
      ),
      v(
        'wrong-typ',
        'A JWT of another type signed with own key',
        await raw({ ...claims() }, imported['cn-33'], { typ: 'JWT' }),
        fail('malformed'),
      ),
      v(
        'personal-cid',
        'A cid that is a number (an ID pasted in)',
        await raw({ ...claims(), cid: '330106199001011234' }, imported['cn-33']),
        fail('bad-claims'),
      ),
      v(
        'bad-iss',
        'An iss that is not an issuer id',
        await raw({ ...claims(), iss: 'CN 33!' }, imported['cn-33']),
        fail('bad-claims'),
      ),
      v('not-a-token', 'Garbage', 'hello', fail('malformed')),
    ],
  };
}

describe('conformance vectors (docs/conformance/vectors.json)', () => {
  let file: VectorFile;

  beforeAll(async () => {
    if (process.env.REGENERATE_CONFORMANCE === '1') {
      writeFileSync(FILE, `${JSON.stringify(await generate(), null, 2)}\n`);
    }
    file = JSON.parse(readFileSync(FILE, 'utf8')) as VectorFile;
  });

  it('opens the published bundle: the trust list is signed by the publisher', async () => {
    const opened = await openOfflineTrustBundle(file.bundle);
    expect(opened).toMatchObject({ ok: true, issuer: { iss: 'cn-33', region: '33' } });
  });

  it('gives every vector its expected verdict', async () => {
    const opened = await openOfflineTrustBundle(file.bundle, { clockToleranceSec: file.clockToleranceSec });
    if (!opened.ok) throw new Error(opened.error);
    const verdicts = await Promise.all(
      file.vectors.map(async ({ name, token }) => {
        const r = await opened.verifier.verify(token, new Date(file.now));
        return {
          name,
          verdict: r.ok
            ? { ok: true, col: r.claims.col, iss: r.issuer.iss, region: r.issuer.region, own: r.issuer.own }
            : { ok: false, error: r.error },
        };
      }),
    );
    expect(verdicts).toEqual(file.vectors.map(({ name, expected }) => ({ name, verdict: expected })));
    expect(file.vectors.length).toBeGreaterThanOrEqual(20);
  });
});
