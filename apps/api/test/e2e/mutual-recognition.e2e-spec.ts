import {
  generateCodeId,
  KeyRing,
  openOfflineTrustBundle,
  readIssuerDocument,
  readTrustList,
  type JSONWebKeySet,
} from '@healthcode/qr-token';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';

import { httpClient } from '../utils/http-client';
import { newResident } from '../utils/resident.factory';
import { newStaff } from '../utils/staff.factory';
import { createTestApp, type TestApp } from '../utils/test-app';
import { checkpointWithDevice, scanId } from './checkpoint-fixtures';

/**
 * Two deployments, each with its own database, keys and issuer id: Zhejiang (cn-33, "A") and Anhui (cn-34, "B").
 * A resident of A shows their code at a checkpoint of B.
 */
describe('mutual recognition between two deployments (e2e)', () => {
  const NOW = '2026-12-07T02:00:00Z';
  let a: TestApp;
  let b: TestApp;
  let httpA: ReturnType<typeof httpClient>;
  let httpB: ReturnType<typeof httpClient>;
  let adminB1: string;
  let adminB2: string;
  let gate: Awaited<ReturnType<typeof checkpointWithDevice>>;
  let residentA: string;

  const window = { notBefore: '2026-12-01T00:00:00Z', notAfter: '2027-12-01T00:00:00Z' };
  const codeOf = async (t: string) => (await httpA.get('/api/v1/me/code', t)).body.token as string;
  const scanAtB = (token: string, cp = gate) =>
    httpB.post(
      `/api/v1/checkpoints/${cp.checkpoint.id}/scans`,
      { token, clientScanId: scanId(), scannedAt: b.clock.now().toISOString() },
      undefined,
      cp.auth,
    );
  const addA = () =>
    httpB.post(
      '/api/v1/admin/trusted-issuers',
      { source: 'document', documentUrl: `${a.baseUrl}/.well-known/healthcode-issuer`, issuerId: 'cn-33', ...window },
      adminB1,
    );

  beforeAll(async () => {
    a = await createTestApp({ now: NOW, env: { ISSUER_ID: 'cn-33', ISSUER_REGION: '33', ISSUER_CONTACT: 'ops@zj' } });
    b = await createTestApp({ now: NOW, env: { ISSUER_ID: 'cn-34', ISSUER_REGION: '34', ISSUER_CONTACT: 'ops@ah' } });
    httpA = httpClient(a.baseUrl);
    httpB = httpClient(b.baseUrl);
    adminB1 = (await newStaff(b, 'system-admin', '')).token;
    adminB2 = (await newStaff(b, 'system-admin', '')).token;
    gate = await checkpointWithDevice(httpB, adminB1, {
      name: '合肥南站 1 号口',
      region: '340104',
      place: 'Hefei South, gate 1',
    });
    residentA = (await newResident(httpA)).token;
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('signs own tokens with iss and publishes a signed issuer document', async () => {
    const token = await codeOf(residentA);
    expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).iss).toBe('cn-33');
    const doc = await httpA.get('/.well-known/healthcode-issuer');
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toContain('application/jwt');
    const jwks = (await httpA.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    expect(await readIssuerDocument(doc.body, jwks)).toMatchObject({
      ok: true,
      value: { iss: 'cn-33', region: '33', contact: 'ops@zj', jwks_uri: `${a.baseUrl}/.well-known/jwks.json` },
    });
  });

  it('refuses a resident of A at B before B trusts A, admits after a second administrator approves', async () => {
    const before = await scanAtB(await codeOf(residentA));
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('SCAN_REJECTED');
    expect(before.body.message).toMatch(/does not trust/);

    const added = await addA();
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ issuerId: 'cn-33', region: '33', status: 'pending', source: 'document' });
    expect(added.body.kids).toHaveLength(1);
    // Pending is not trusted yet.
    expect((await scanAtB(await codeOf(residentA))).status).toBe(422);

    const selfApproval = await httpB.post(`/api/v1/admin/trusted-issuers/${added.body.id}/approve`, {}, adminB1);
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.message).toMatch(/second administrator/);
    const approved = await httpB.post(`/api/v1/admin/trusted-issuers/${added.body.id}/approve`, {}, adminB2);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');

    const after = await scanAtB(await codeOf(residentA));
    expect(after.status).toBe(200);
    expect(after.body).toEqual({
      color: 'green',
      admitted: true,
      reason: 'admitted',
      superseded: false,
      issuer: { id: 'cn-33', region: '33' },
    });

    const actions: { action: string }[] = await b.app
      .get(DataSource)
      .query("SELECT action FROM audit_log WHERE target_type = 'trusted-issuer' ORDER BY seq");
    expect(actions.map((r) => r.action)).toEqual(['trusted-issuer.added', 'trusted-issuer.approved']);
  });

  it('publishes the trust list signed; an offline bundle of B admits A and knows its age', async () => {
    const list = await httpB.get('/.well-known/healthcode-trust-list');
    expect(list.status).toBe(200);
    const jwksB = (await httpB.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    const read = await readTrustList(list.body, jwksB);
    expect(read).toMatchObject({ ok: true, value: { iss: 'cn-34', region: '34' } });
    if (!read.ok) return;
    expect(read.value.issuers.map((i) => [i.iss, i.status])).toEqual([['cn-33', 'active']]);
    // Signed by B, not by A: A's keys do not open it.
    const jwksA = (await httpA.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    expect((await readTrustList(list.body, jwksA)).ok).toBe(false);

    const bundle = await httpB.get('/.well-known/healthcode-checkpoint-bundle');
    expect(bundle.body).toEqual({ jwks: jwksB, trustList: list.body, cardStatus: expect.any(String) });
    const opened = await openOfflineTrustBundle(bundle.body);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.issuedAt).toBe(Math.floor(b.clock.now().getTime() / 1000));
    expect(await opened.verifier.verify(await codeOf(residentA), a.clock.now())).toMatchObject({
      ok: true,
      issuer: { iss: 'cn-33', region: '33', own: false },
    });
  });

  it("applies each checkpoint's own policy to peers' colours", async () => {
    const ownOnly = await checkpointWithDevice(httpB, adminB1, {
      name: '省立医院',
      region: '340104',
      place: 'Provincial hospital',
      admits: ['green', 'yellow', 'red'],
      peerAdmits: [],
    });
    expect(ownOnly.checkpoint.peerAdmits).toEqual([]);
    const res = await scanAtB(await codeOf(residentA), ownOnly);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ color: 'green', admitted: false, reason: 'color-not-admitted' });
  });

  it("changes a checkpoint's peer policy after registration, in scope only, and devices follow at once", async () => {
    const station = await checkpointWithDevice(httpB, adminB1, {
      name: '合肥站 2 号口',
      region: '340104',
      place: 'Hefei station, gate 2',
      peerAdmits: ['green'],
    });
    const codeA = await codeOf(residentA);
    expect((await scanAtB(codeA, station)).body).toMatchObject({ admitted: true, issuer: { id: 'cn-33' } });
    const admission = (body: unknown, token = adminB1) =>
      httpB.put(`/api/v1/checkpoints/${station.checkpoint.id}/admission`, body, token);

    // Malformed, wrong role, out of scope: refused, and the policy is unchanged.
    expect((await admission({ admits: [], peerAdmits: [] })).status).toBe(400);
    expect((await admission({ admits: ['green'], peerAdmits: ['purple'] })).status).toBe(400);
    expect((await admission({ admits: ['green'] })).status).toBe(400);
    const agent = (await newStaff(b, 'hotline-agent', '34')).token;
    expect((await admission({ admits: ['green'], peerAdmits: [] }, agent)).status).toBe(403);
    const otherCity = (await newStaff(b, 'region-admin', '3402')).token;
    const outside = await admission({ admits: ['green'], peerAdmits: [] }, otherCity);
    expect(outside.status).toBe(403);
    expect((await scanAtB(await codeOf(residentA), station)).body).toMatchObject({ admitted: true });

    const closed = await admission({ admits: ['green', 'yellow'], peerAdmits: [] });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ admits: ['green', 'yellow'], peerAdmits: [] });
    expect((await scanAtB(await codeOf(residentA), station)).body).toMatchObject({
      color: 'green',
      admitted: false,
      reason: 'color-not-admitted',
    });
    // Null: peers follow the checkpoint's own colours again.
    expect((await admission({ admits: ['green'], peerAdmits: null })).body.peerAdmits).toBeNull();
    expect((await scanAtB(await codeOf(residentA), station)).body).toMatchObject({ admitted: true });

    const audit: { details: { from: unknown; to: unknown } }[] = await b.app
      .get(DataSource)
      .query(
        "SELECT details FROM audit_log WHERE action = 'checkpoint.admission-changed' AND target_id = ? ORDER BY seq",
        [station.checkpoint.id],
      );
    expect(audit.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).to)).toEqual([
      { admits: ['green', 'yellow'], peerAdmits: [] },
      { admits: ['green'], peerAdmits: null },
    ]);
  });

  it("follows a peer's key rotation only when a second administrator approves the new keys", async () => {
    const oldKeys = await KeyRing.generate();
    const added = await httpB.post(
      '/api/v1/admin/trusted-issuers',
      { source: 'keys', issuerId: 'cn-46', region: '46', contact: 'ops@hi', jwks: oldKeys.jwks(), ...window },
      adminB1,
    );
    expect((await httpB.post(`/api/v1/admin/trusted-issuers/${added.body.id}/approve`, {}, adminB2)).status).toBe(200);
    const tokenOf = (ring: KeyRing) =>
      ring.sign({ cid: generateCodeId(), col: 'green', rsv: 1, iss: 'cn-46' }, { now: b.clock.now() });
    expect((await scanAtB(await tokenOf(oldKeys))).body).toMatchObject({ admitted: true });

    // The peer rotates: its new key is unknown here until B pins it.
    const newKeys = await KeyRing.generate();
    expect((await scanAtB(await tokenOf(newKeys))).body.message).toMatch(/key this system does not know/);
    const keysUrl = `/api/v1/admin/trusted-issuers/${added.body.id}/keys`;

    // Bad requests change nothing: no reason, a private key, the same keys again, a document this peer never had.
    expect((await httpB.post(keysUrl, { source: 'keys', jwks: newKeys.jwks() }, adminB1)).status).toBe(400);
    const { generateSigningKey } = await import('@healthcode/qr-token');
    const secret = await generateSigningKey();
    const privatePaste = await httpB.post(
      keysUrl,
      { source: 'keys', jwks: { keys: [secret.privateJwk] }, reason: 'rotation' },
      adminB1,
    );
    expect(privatePaste.status).toBe(400);
    const same = await httpB.post(keysUrl, { source: 'keys', jwks: oldKeys.jwks(), reason: 'rotation' }, adminB1);
    expect(same.status).toBe(409);
    const noDocument = await httpB.post(keysUrl, { source: 'document', reason: 'rotation' }, adminB1);
    expect(noDocument.status).toBe(400);
    expect(noDocument.body.message).toMatch(/pasted keys/);
    expect((await httpB.post(`${keysUrl}/approve`, {}, adminB2)).status).toBe(409);

    // Asked for by one administrator: waiting, and the pinned key stays in force meanwhile.
    const asked = await httpB.post(
      keysUrl,
      { source: 'keys', jwks: newKeys.jwks(), reason: 'cn-46 rotated its key on 2026-12-07 (confirmed by phone)' },
      adminB1,
    );
    expect(asked.status).toBe(200);
    expect(asked.body.pendingKids).toEqual(newKeys.jwks().keys.map((k) => k.kid));
    expect(asked.body.kids).toEqual(oldKeys.jwks().keys.map((k) => k.kid));
    expect((await scanAtB(await tokenOf(newKeys))).status).toBe(422);
    expect((await scanAtB(await tokenOf(oldKeys))).body).toMatchObject({ admitted: true });

    // Not by the one who asked; then by a second administrator.
    const selfApproval = await httpB.post(`${keysUrl}/approve`, {}, adminB1);
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.message).toMatch(/second administrator/);
    const approved = await httpB.post(`${keysUrl}/approve`, {}, adminB2);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ kids: asked.body.pendingKids, pendingKids: null, status: 'active' });
    expect((await scanAtB(await tokenOf(newKeys))).body).toMatchObject({ admitted: true, issuer: { id: 'cn-46' } });
    // The retired key no longer opens anything, online or in the published trust list.
    expect((await scanAtB(await tokenOf(oldKeys))).body.message).toMatch(/key this system does not know/);
    const jwksB = (await httpB.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    const published = await readTrustList((await httpB.get('/.well-known/healthcode-trust-list')).body, jwksB);
    if (!published.ok) throw new Error('trust list unreadable');
    const listed = published.value.issuers.find((i) => i.iss === 'cn-46');
    expect(listed?.jwks.keys.map((k) => k.kid)).toEqual(asked.body.pendingKids);

    // Keys asked for and then dropped: one administrator may drop them, with a reason.
    const another = await KeyRing.generate();
    await httpB.post(keysUrl, { source: 'keys', jwks: another.jwks(), reason: 'second rotation' }, adminB2);
    expect((await httpB.post(`${keysUrl}/discard`, {}, adminB1)).status).toBe(400);
    const dropped = await httpB.post(`${keysUrl}/discard`, { reason: 'not confirmed by cn-46' }, adminB1);
    expect(dropped.body).toMatchObject({ pendingKids: null, kids: asked.body.pendingKids });
    expect((await scanAtB(await tokenOf(another))).status).toBe(422);

    const actions: { action: string }[] = await b.app
      .get(DataSource)
      .query('SELECT action FROM audit_log WHERE target_id = ? ORDER BY seq', [added.body.id]);
    expect(actions.map((r) => r.action)).toEqual([
      'trusted-issuer.added',
      'trusted-issuer.approved',
      'trusted-issuer.keys-requested',
      'trusted-issuer.keys-approved',
      'trusted-issuer.keys-requested',
      'trusted-issuer.keys-discarded',
    ]);
  });

  it("refetches a document peer's keys from its pinned URL; unchanged keys change nothing", async () => {
    const list = await httpB.get('/api/v1/admin/trusted-issuers', adminB1);
    const entry = list.body.items.find((i: { issuerId: string }) => i.issuerId === 'cn-33');
    const res = await httpB.post(
      `/api/v1/admin/trusted-issuers/${entry.id}/keys`,
      { source: 'document', reason: 'scheduled check' },
      adminB1,
    );
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/already pinned/);
    expect((await httpB.get('/api/v1/admin/trusted-issuers', adminB1)).body.items).toContainEqual(
      expect.objectContaining({ issuerId: 'cn-33', pendingKids: null }),
    );
  });

  it('refuses forged peer tokens, an unknown kid and a replaced peer key', async () => {
    const genuine = await codeOf(residentA);
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1], 'base64url').toString());
    const kidA = JSON.parse(Buffer.from(genuine.split('.')[0], 'base64url').toString()).kid as string;
    const stranger = await KeyRing.generate();
    const fresh = { ...claims, cid: generateCodeId() };

    // A stranger's key under A's kid: bad signature.
    const forged = await new SignJWT(fresh)
      .setProtectedHeader({ alg: 'ES256', kid: kidA, typ: 'hc+jwt' })
      .sign(stranger.current.privateKey);
    const forgedRes = await scanAtB(forged);
    expect(forgedRes.status).toBe(422);
    expect(forgedRes.body.message).toMatch(/forged or altered/);

    // A key B never pinned (A replaced its key, or anyone else's), claiming A: unknown kid.
    const replaced = await stranger.sign({ ...fresh, iat: undefined, exp: undefined });
    const replacedRes = await scanAtB(replaced);
    expect(replacedRes.status).toBe(422);
    expect(replacedRes.body.message).toMatch(/key this system does not know/);

    // The genuine token altered to red: bad signature.
    const [h, , s] = genuine.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ ...claims, col: 'red' })).toString('base64url')}.${s}`;
    expect((await scanAtB(altered)).body.message).toMatch(/forged or altered/);

    // A token of an issuer B never heard of.
    const unknown = await stranger.sign({ ...fresh, iss: 'cn-44', iat: undefined, exp: undefined });
    expect((await scanAtB(unknown)).body.message).toMatch(/does not trust/);
  });

  it('admits a peer added by pasted keys, with its region', async () => {
    const peer = await KeyRing.generate();
    const added = await httpB.post(
      '/api/v1/admin/trusted-issuers',
      { source: 'keys', issuerId: 'cn-44', region: '44', contact: 'ops@gd', jwks: peer.jwks(), ...window },
      adminB2,
    );
    expect(added.status).toBe(201);
    expect((await httpB.post(`/api/v1/admin/trusted-issuers/${added.body.id}/approve`, {}, adminB1)).status).toBe(200);
    const token = await peer.sign(
      { cid: generateCodeId(), col: 'green', rsv: 1, iss: 'cn-44' },
      { now: b.clock.now() },
    );
    expect((await scanAtB(token)).body).toMatchObject({ admitted: true, issuer: { id: 'cn-44', region: '44' } });
    // A private key pasted by mistake is refused and nothing is stored.
    const { generateSigningKey } = await import('@healthcode/qr-token');
    const secret = await generateSigningKey();
    const privatePaste = await httpB.post(
      '/api/v1/admin/trusted-issuers',
      {
        source: 'keys',
        issuerId: 'cn-45',
        region: '45',
        contact: 'x@y',
        jwks: { keys: [secret.privateJwk] },
        ...window,
      },
      adminB1,
    );
    expect(privatePaste.status).toBe(400);
  });

  it('refuses A again after suspension, and trusting again takes a second administrator', async () => {
    const list = await httpB.get('/api/v1/admin/trusted-issuers', adminB1);
    expect(list.body.own).toMatchObject({ issuerId: 'cn-34', region: '34' });
    const entry = list.body.items.find((i: { issuerId: string }) => i.issuerId === 'cn-33');
    const suspended = await httpB.post(
      `/api/v1/admin/trusted-issuers/${entry.id}/suspend`,
      { reason: 'key compromise reported by cn-33' },
      adminB1,
    );
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedReason: 'key compromise reported by cn-33' });
    const refused = await scanAtB(await codeOf(residentA));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/suspended/);

    const trustList = await httpB.get('/.well-known/healthcode-trust-list');
    const jwksB = (await httpB.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    const opened = await openOfflineTrustBundle({ jwks: jwksB, trustList: trustList.body });
    if (!opened.ok) throw new Error(opened.error);
    expect(await opened.verifier.verify(await codeOf(residentA), a.clock.now())).toMatchObject({
      ok: false,
      error: 'issuer-suspended',
    });

    const reinstated = await httpB.post(
      `/api/v1/admin/trusted-issuers/${entry.id}/reinstate`,
      { reason: 'new keys confirmed by phone' },
      adminB2,
    );
    expect(reinstated.body.status).toBe('pending');
    expect((await scanAtB(await codeOf(residentA))).status).toBe(422);
    expect((await httpB.post(`/api/v1/admin/trusted-issuers/${entry.id}/approve`, {}, adminB2)).status).toBe(403);
    expect((await httpB.post(`/api/v1/admin/trusted-issuers/${entry.id}/approve`, {}, adminB1)).status).toBe(200);
    expect((await scanAtB(await codeOf(residentA))).status).toBe(200);

    const removed = await httpB.post(`/api/v1/admin/trusted-issuers/${entry.id}/remove`, { reason: 'ended' }, adminB1);
    expect(removed.status).toBe(200);
    expect((await scanAtB(await codeOf(residentA))).body.message).toMatch(/does not trust/);
  });

  it('validates additions: own issuer id, duplicates, a document naming another issuer, bad windows', async () => {
    const own = await httpB.post(
      '/api/v1/admin/trusted-issuers',
      { source: 'document', documentUrl: `${b.baseUrl}/.well-known/healthcode-issuer`, issuerId: 'cn-34', ...window },
      adminB1,
    );
    expect(own.status).toBe(400);
    const mismatch = await httpB.post(
      '/api/v1/admin/trusted-issuers',
      { source: 'document', documentUrl: `${a.baseUrl}/.well-known/healthcode-issuer`, issuerId: 'cn-35', ...window },
      adminB1,
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors).toEqual([
      { path: 'documentUrl', message: 'The issuer document names a different issuer id' },
    ]);
    expect(mismatch.body.message).toMatch(/different issuer id/);
    const unreachable = await httpB.post(
      '/api/v1/admin/trusted-issuers',
      {
        source: 'document',
        documentUrl: 'http://127.0.0.1:9/.well-known/healthcode-issuer',
        issuerId: 'cn-35',
        ...window,
      },
      adminB1,
    );
    expect(unreachable.status).toBe(400);
    const backwards = await httpB.post(
      '/api/v1/admin/trusted-issuers',
      {
        ...{ source: 'document', documentUrl: `${a.baseUrl}/x`, issuerId: 'cn-33' },
        notBefore: window.notAfter,
        notAfter: window.notBefore,
      },
      adminB1,
    );
    expect(backwards.status).toBe(400);
    expect((await addA()).status).toBe(201);
    expect((await addA()).status).toBe(409);
    const zh = await fetch(`${b.baseUrl}/api/v1/admin/trusted-issuers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminB1}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({
        source: 'document',
        documentUrl: `${a.baseUrl}/.well-known/healthcode-issuer`,
        issuerId: 'cn-33',
        ...window,
      }),
    });
    expect(zh.status).toBe(409);
    expect(((await zh.json()) as { message: string }).message).toMatch(/信任/);
  });
});
