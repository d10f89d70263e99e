import { cstDate, addDays } from '@healthcode/contracts';
import { KeyRing } from '@healthcode/qr-token';
import { base64url, SignJWT } from 'jose';
import { DataSource } from 'typeorm';

import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { checkpointWithDevice, scanId, staffToken } from './checkpoint-fixtures';

describe('checkpoint scanning (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let admin: string;
  let metro: Awaited<ReturnType<typeof checkpointWithDevice>>;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
    ({ t, http } = ctx);
    admin = (await staffToken(t, 'region-admin', '3301')).token;
    metro = await checkpointWithDevice(http, admin);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const scan = (cp: typeof metro, token: string, clientScanId = scanId()) =>
    http.post(
      `/api/v1/checkpoints/${cp.checkpoint.id}/scans`,
      { token, clientScanId, scannedAt: t.clock.now().toISOString() },
      undefined,
      cp.auth,
    );
  const codeOf = async (residentToken: string) => (await http.get('/api/v1/me/code', residentToken)).body;
  const stats = async (cp: typeof metro) =>
    (await http.get(`/api/v1/checkpoints/${cp.checkpoint.id}/stats`, admin)).body;

  it('admits a green code at a green-only metro and stores only checkpoint, code id, result and time', async () => {
    const resident = await ctx.newResident();
    const code = await codeOf(resident.token);
    const id = scanId();
    const res = await scan(metro, code.token, id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ color: 'green', admitted: true, reason: 'admitted', superseded: false });

    const db = t.app.get(DataSource);
    const columns: { COLUMN_NAME: string }[] = await db.query(
      "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'checkpoint_scans' ORDER BY ORDINAL_POSITION",
    );
    expect(columns.map((c) => c.COLUMN_NAME)).toEqual([
      'checkpoint_id',
      'client_scan_id',
      'code_id',
      'color',
      'admitted',
      'reason',
      'scanned_at',
    ]);
    const [row] = await db.query(
      'SELECT code_id, color, admitted, reason FROM checkpoint_scans WHERE client_scan_id = ?',
      [id],
    );
    const cid = JSON.parse(Buffer.from(code.token.split('.')[1], 'base64url').toString()).cid;
    expect(row).toEqual({ code_id: cid, color: 'green', admitted: 1, reason: 'admitted' });
    const [resident_] = await db.query(
      'SELECT r.id FROM residents r JOIN code_tokens t ON t.resident_id = r.id WHERE t.token_id = ?',
      [cid],
    );
    expect(cid).not.toEqual(resident_.id.toString('hex'));
  });

  it('gives every token a fresh random id that links to no other token, and scans of each still resolve', async () => {
    const resident = await ctx.newResident();
    const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const start = t.clock.now();
    const first = await codeOf(resident.token);
    // Past the reuse margin of the cached token: the resident's app fetches a new one.
    t.clock.set(new Date(start.getTime() + 5 * 60_000));
    const second = await codeOf(resident.token);
    const a = claims(first.token);
    const b = claims(second.token);
    expect(a.cid).not.toEqual(b.cid);
    // Nothing in one token names the other or the resident: the only shared values are the colour,
    // the rule-set version, the code version and the issuer id, which many residents share.
    const shared = Object.keys(a).filter((k) => a[k] === b[k]);
    expect(shared.sort()).toEqual(['col', 'cv', 'iss', 'rsv']);
    const db = t.app.get(DataSource);
    const [code] = await db.query(
      'SELECT resident_id, code_id FROM resident_codes WHERE resident_id = (SELECT resident_id FROM code_tokens WHERE token_id = ?)',
      [a.cid],
    );
    expect([a.cid, b.cid]).not.toContain(code.code_id);
    const links = await db.query('SELECT token_id FROM code_tokens WHERE resident_id = ? ORDER BY expires_at', [
      code.resident_id,
    ]);
    expect(links.map((l: { token_id: string }) => l.token_id)).toEqual([a.cid, b.cid]);

    // The first token online at its own time and
    // the second in an offline batch: both resolve to the resident's colour and appear in their own list.
    t.clock.set(start);
    expect((await scan(metro, first.token)).body).toMatchObject({ color: 'green', admitted: true });
    t.clock.set(new Date(start.getTime() + 6 * 60_000));
    const batch = await http.post(
      `/api/v1/checkpoints/${metro.checkpoint.id}/scans/batch`,
      { scans: [{ token: second.token, clientScanId: scanId(), scannedAt: t.clock.now().toISOString() }] },
      undefined,
      metro.auth,
    );
    expect(batch.body.results).toEqual([
      expect.objectContaining({ color: 'green', admitted: true, reason: 'admitted', superseded: false }),
    ]);
    const mine = await http.get('/api/v1/me/scans', resident.token);
    expect(mine.body.items).toHaveLength(2);
    const stored = await db.query(
      'SELECT code_id FROM checkpoint_scans WHERE checkpoint_id = UNHEX(REPLACE(?, "-", "")) AND code_id IN (?)',
      [metro.checkpoint.id, [a.cid, b.cid]],
    );
    expect(stored.map((r: { code_id: string }) => r.code_id).sort()).toEqual([a.cid, b.cid].sort());
    t.clock.set(start);
  });

  it('refuses a colour the checkpoint does not admit, while a hospital admitting every colour lets it through', async () => {
    const resident = await ctx.newResident();
    await http.post(
      '/api/v1/me/declarations',
      {
        currentRegion: '330106',
        stays: [],
        symptoms: [{ symptom: 'fever', onset: cstDate(t.clock.now()) }],
        contact: null,
      },
      resident.token,
    );
    const code = await codeOf(resident.token);
    expect(code.color).toBe('yellow');
    expect((await scan(metro, code.token)).body).toEqual({
      color: 'yellow',
      admitted: false,
      reason: 'color-not-admitted',
      superseded: false,
    });
    const hospital = await checkpointWithDevice(http, admin, {
      name: 'Hospital gate',
      kind: 'other',
      place: 'Outpatient entrance',
      admits: ['green', 'yellow', 'red'],
    });
    expect((await scan(hospital, code.token)).body).toMatchObject({ color: 'yellow', admitted: true });
  });

  it('counts admitted and refused scans per hour over the whole range, and refuses a range over 7 days', async () => {
    const body = await stats(metro);
    expect(body.hourly.length).toBeGreaterThanOrEqual(24);
    expect(body.hourly.length).toBeLessThanOrEqual(25);
    const sum = (k: 'admitted' | 'refused') =>
      body.hourly.reduce((n: number, h: { admitted: number; refused: number }) => n + h[k], 0);
    expect(body.admitted).toBeGreaterThan(0);
    expect(sum('admitted')).toBe(body.admitted);
    expect(sum('refused')).toBe(body.notAdmitted + body.rejected);
    const now = t.clock.now().getTime();
    const tooLong = await http.get(
      `/api/v1/checkpoints/${metro.checkpoint.id}/stats?from=${new Date(now - 8 * 86_400_000).toISOString()}&to=${new Date(now).toISOString()}`,
      admin,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toContain('at most 7 days');
  });

  it('answers a superseded token (issued before the colour changed) with the current colour', async () => {
    const resident = await ctx.newResident();
    const green = await codeOf(resident.token);
    expect(green.color).toBe('green');
    await http.post(
      '/api/v1/me/declarations',
      {
        currentRegion: '330106',
        stays: [],
        symptoms: [{ symptom: 'cough', onset: cstDate(t.clock.now()) }],
        contact: null,
      },
      resident.token,
    );
    expect((await codeOf(resident.token)).color).toBe('yellow');
    const res = await scan(metro, green.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ color: 'yellow', admitted: false, reason: 'color-not-admitted', superseded: true });
  });

  describe('bad input: a clear 4xx, counted as rejected, never admitted', () => {
    let valid: string;
    let claims: Record<string, unknown>;
    let header: Record<string, unknown>;

    beforeAll(async () => {
      valid = (await codeOf((await ctx.newResident()).token)).token;
      header = JSON.parse(Buffer.from(valid.split('.')[0], 'base64url').toString());
      claims = JSON.parse(Buffer.from(valid.split('.')[1], 'base64url').toString());
    });

    const expectRejected = async (token: string, reason: string) => {
      const before = await stats(metro);
      const res = await scan(metro, token);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('SCAN_REJECTED');
      expect(res.body.message.length).toBeGreaterThan(10);
      expect(JSON.stringify(res.body)).not.toContain('admitted":true');
      const after = await stats(metro);
      expect(after.rejected).toBe(before.rejected + 1);
      expect(after.byReason[reason]).toBe((before.byReason[reason] ?? 0) + 1);
      expect(after.admitted).toBe(before.admitted);
    };
    const enc = (o: unknown) => base64url.encode(JSON.stringify(o));

    it('a malformed token', async () => {
      await expectRejected('not-a-token', 'malformed');
      await expectRejected(`${valid}.extra`, 'malformed');
    });

    it('a forged signature (payload altered after signing)', async () => {
      const [h, , s] = valid.split('.');
      await expectRejected(
        `${h}.${enc({ ...claims, col: 'green', cid: 'AAAAAAAAAAAAAAAAAAAAAA' })}.${s}`,
        'bad-signature',
      );
    });

    it('an unknown kid (signed by a key outside the key ring)', async () => {
      const stranger = await KeyRing.generate();
      const iat = Math.floor(t.clock.now().getTime() / 1000);
      await expectRejected(
        await stranger.sign({ cid: claims.cid as string, col: 'green', rsv: 1, cv: 1, iat, exp: iat + 300 }),
        'unknown-kid',
      );
    });

    it('alg none, and an algorithm other than ES256', async () => {
      await expectRejected(`${enc({ ...header, alg: 'none' })}.${enc(claims)}.`, 'bad-alg');
      const hs = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: header.kid as string, typ: 'hc+jwt' })
        .sign(new Uint8Array(32));
      await expectRejected(hs, 'bad-alg');
    });

    it('an expired token (more than 30 s of skew past its expiry), while 20 s past expiry is tolerated', async () => {
      const token = (await codeOf((await ctx.newResident()).token)).token;
      const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp as number;
      const start = t.clock.now();
      t.clock.set(new Date((exp + 20) * 1000));
      expect((await scan(metro, token)).status).toBe(200);
      t.clock.set(new Date((exp + 31) * 1000));
      await expectRejected(token, 'expired');
      t.clock.set(start);
    });

    it('a token of a deleted resident', async () => {
      const resident = await ctx.newResident();
      const token = (await codeOf(resident.token)).token;
      expect((await http.delete('/api/v1/me', resident.token)).status).toBe(200);
      await expectRejected(token, 'unknown-code');
    });

    it('a device credential of another checkpoint (counted at the checkpoint it tried)', async () => {
      const other = await checkpointWithDevice(http, admin, {
        name: 'Mall north door',
        kind: 'mall',
        place: 'Mall, north door',
      });
      const before = await stats(metro);
      const res = await http.post(
        `/api/v1/checkpoints/${metro.checkpoint.id}/scans`,
        { token: valid, clientScanId: scanId(), scannedAt: t.clock.now().toISOString() },
        undefined,
        other.auth,
      );
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/another checkpoint/);
      const after = await stats(metro);
      expect(after.rejected).toBe(before.rejected + 1);
      expect(after.byReason['wrong-checkpoint']).toBe((before.byReason['wrong-checkpoint'] ?? 0) + 1);
      expect(after.admitted).toBe(before.admitted);
    });
  });

  it('refuses devices without a valid credential, revoked credentials and disabled checkpoints', async () => {
    const cp = await checkpointWithDevice(http, admin, {
      name: 'Office lobby',
      kind: 'office',
      place: 'Tower B lobby',
    });
    const token = (await codeOf((await ctx.newResident()).token)).token;
    const body = { token, clientScanId: scanId(), scannedAt: t.clock.now().toISOString() };
    expect((await http.post(`/api/v1/checkpoints/${cp.checkpoint.id}/scans`, body)).status).toBe(401);
    const wrongSecret = cp.auth.authorization.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
    expect(
      (
        await http.post(`/api/v1/checkpoints/${cp.checkpoint.id}/scans`, body, undefined, {
          authorization: wrongSecret,
        })
      ).status,
    ).toBe(401);
    expect((await http.post(`/api/v1/checkpoints/${cp.checkpoint.id}/scans`, body, undefined, cp.auth)).status).toBe(
      200,
    );

    const devices = await http.get(`/api/v1/checkpoints/${cp.checkpoint.id}/devices`, admin);
    expect(devices.body.items).toHaveLength(1);
    expect(JSON.stringify(devices.body)).not.toContain(cp.device.secret);
    expect(
      (await http.post(`/api/v1/checkpoints/${cp.checkpoint.id}/devices/${cp.device.id}/revoke`, {}, admin)).body
        .revokedAt,
    ).not.toBeNull();
    expect(
      (
        await http.post(
          `/api/v1/checkpoints/${cp.checkpoint.id}/scans`,
          { ...body, clientScanId: scanId() },
          undefined,
          cp.auth,
        )
      ).status,
    ).toBe(401);

    const second = await http.post(`/api/v1/checkpoints/${cp.checkpoint.id}/devices`, { label: 'gate 2' }, admin);
    expect((await http.post(`/api/v1/checkpoints/${cp.checkpoint.id}/disable`, {}, admin)).body.disabled).toBe(true);
    const res = await http.post(
      `/api/v1/checkpoints/${cp.checkpoint.id}/scans`,
      { ...body, clientScanId: scanId() },
      undefined,
      { authorization: second.body.authorization },
    );
    expect(res.status).toBe(403);
  });

  it('takes an offline batch of up to 500 scans idempotently, judging each token at its scan time; a replay stores nothing twice', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) tokens.push((await codeOf((await ctx.newResident()).token)).token);
    const gone = await ctx.newResident();
    const goneToken = (await codeOf(gone.token)).token;
    expect((await http.delete('/api/v1/me', gone.token)).status).toBe(200);
    const earlier = t.clock.now().toISOString();
    // Uploaded 20 minutes later: the tokens have expired by now, but were valid when scanned.
    const start = t.clock.now();
    t.clock.set(new Date(start.getTime() + 20 * 60_000));
    const scans = [
      ...tokens.map((token) => ({ token, clientScanId: scanId(), scannedAt: earlier })),
      { token: 'garbage', clientScanId: scanId(), scannedAt: earlier },
      { token: goneToken, clientScanId: scanId(), scannedAt: earlier },
    ];
    const url = `/api/v1/checkpoints/${metro.checkpoint.id}/scans/batch`;
    const first = await http.post(url, { scans }, undefined, metro.auth);
    expect(first.status).toBe(200);
    expect(first.body.stored).toBe(5);
    expect(first.body.results.map((r: { admitted: boolean; reason: string }) => [r.admitted, r.reason])).toEqual([
      [true, 'admitted'],
      [true, 'admitted'],
      [true, 'admitted'],
      [false, 'malformed'],
      [false, 'unknown-code'],
    ]);
    const replay = await http.post(url, { scans }, undefined, metro.auth);
    expect(replay.status).toBe(200);
    expect(replay.body.stored).toBe(0);
    const [{ n }] = await t.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM checkpoint_scans WHERE client_scan_id IN (?)', [
        scans.map((s) => s.clientScanId),
      ]);
    expect(Number(n)).toBe(5);

    // A full batch of 500 real scans with the longest clientScanIds fits the JSON body limit.
    const full = Array.from({ length: 500 }, (_, i) => ({
      token: tokens[i % 3],
      clientScanId: `${'f'.repeat(56)}${String(i).padStart(8, '0')}`,
      scannedAt: earlier,
    }));
    const fullRes = await http.post(url, { scans: full }, undefined, metro.auth);
    expect(fullRes.status).toBe(200);
    expect(fullRes.body.stored).toBe(500);
    expect(fullRes.body.results.every((r: { admitted: boolean }) => r.admitted)).toBe(true);

    const tooMany = Array.from({ length: 501 }, () => ({
      token: tokens[0],
      clientScanId: scanId(),
      scannedAt: earlier,
    }));
    const refused = await http.post(url, { scans: tooMany }, undefined, metro.auth);
    expect(refused.status).toBe(400);
    t.clock.set(start);
  });

  it('refuses back-dated, future-dated and long-expired offline entries one by one, storing nothing for them', async () => {
    const url = `/api/v1/checkpoints/${metro.checkpoint.id}/scans/batch`;
    const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const start = t.clock.now();
    const token = (await codeOf((await ctx.newResident()).token)).token;
    const { iat, exp } = claimsOf(token) as { iat: number; exp: number };
    const at = (sec: number) => new Date(sec * 1000).toISOString();
    const countStored = async (ids: string[]) =>
      Number(
        (
          await t.app
            .get(DataSource)
            .query('SELECT COUNT(*) AS n FROM checkpoint_scans WHERE client_scan_id IN (?)', [ids])
        )[0].n,
      );

    // Uploaded an hour after the scan: the scan time must lie between the token's issue (− 30 s) and the upload.
    t.clock.set(new Date((iat + 3600) * 1000));
    const scans = [
      { token, clientScanId: scanId(), scannedAt: '1970-01-01T00:00:00Z' },
      { token, clientScanId: scanId(), scannedAt: at(iat - 120) },
      { token, clientScanId: scanId(), scannedAt: at(iat + 7200) },
      { token: 'garbage', clientScanId: scanId(), scannedAt: '1970-01-01T00:00:00Z' },
      { token, clientScanId: scanId(), scannedAt: at(iat + 10) },
    ];
    const res = await http.post(url, { scans }, undefined, metro.auth);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { reason: string; refused?: boolean }) => [r.reason, r.refused ?? false])).toEqual([
      ['scanned-before-issue', true],
      ['scanned-before-issue', true],
      ['scanned-in-future', true],
      ['offline-window-passed', true],
      ['admitted', false],
    ]);
    expect(res.body.results[0]).toMatchObject({
      admitted: false,
      color: null,
      message: expect.stringMatching(/clock/),
    });
    expect(res.body.stored).toBe(1);
    expect(await countStored(scans.map((s) => s.clientScanId))).toBe(1);

    // OFFLINE_SCAN_WINDOW_HOURS (24) past the token's expiry, a scan dated inside its validity is refused.
    const late = { token, clientScanId: scanId(), scannedAt: at(iat + 10) };
    t.clock.set(new Date((exp + 25 * 3600) * 1000));
    const tooLate = await http.post(url, { scans: [late] }, undefined, metro.auth);
    expect(tooLate.status).toBe(200);
    expect(tooLate.body.results[0]).toMatchObject({
      reason: 'offline-window-passed',
      admitted: false,
      refused: true,
      message: expect.stringMatching(/offline window/),
    });
    expect(tooLate.body.stored).toBe(0);
    expect(await countStored([late.clientScanId])).toBe(0);

    // Within the window the same scan is still taken.
    t.clock.set(new Date((exp + 23 * 3600) * 1000));
    const inTime = await http.post(url, { scans: [late] }, undefined, metro.auth);
    expect(inTime.body.results[0]).toMatchObject({ reason: 'admitted', admitted: true });
    expect(inTime.body.stored).toBe(1);
    t.clock.set(start);
  });

  it('a retried single scan with the same clientScanId is stored once', async () => {
    const token = (await codeOf((await ctx.newResident()).token)).token;
    const id = scanId();
    expect((await scan(metro, token, id)).status).toBe(200);
    expect((await scan(metro, token, id)).status).toBe(200);
    const [{ n }] = await t.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM checkpoint_scans WHERE client_scan_id = ?', [id]);
    expect(Number(n)).toBe(1);
  });

  it('shows residents their own scans with the checkpoint, the result and the date each is deleted', async () => {
    const resident = await ctx.newResident();
    const other = await ctx.newResident();
    await scan(metro, (await codeOf(resident.token)).token);
    await scan(metro, (await codeOf(other.token)).token);
    const mine = await http.get('/api/v1/me/scans', resident.token);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      checkpointName: '龙翔桥站 A 口',
      checkpointKind: 'metro',
      place: 'Longxiangqiao station, exit A',
      region: '330106',
      color: 'green',
      admitted: true,
    });
    expect(mine.body.items[0].deleteOn).toBe(addDays(cstDate(t.clock.now()), 28));
    expect((await http.get('/api/v1/me/scans', admin)).status).toBe(403);
  });
});
