import { generateCodeId, KeyRing, readCardStatusList, signCardToken } from '@healthcode/qr-token';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';

import { CodeSignerService } from '../../src/modules/keys/code-signer.service';
import { readCardPdf } from '../utils/card-pdf.util';
import { E2eContext, type E2eResident } from '../utils/e2e-context';
import { checkpointWithDevice, scanId } from './checkpoint-fixtures';

describe('printed cards (e2e)', () => {
  let ctx: E2eContext;
  let metro: Awaited<ReturnType<typeof checkpointWithDevice>>;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2026-12-07T02:00:00Z' });
    const admin = await ctx.newStaff('region-admin', '3301');
    metro = await checkpointWithDevice(ctx.http, admin.token);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const http = () => ctx.http;
  const scan = (token: string) =>
    http().post(
      `/api/v1/checkpoints/${metro.checkpoint.id}/scans`,
      { token, clientScanId: scanId(), scannedAt: ctx.t.clock.now().toISOString() },
      undefined,
      metro.auth,
    );
  const pdfOf = async (path: string, bearer: string) => {
    const res = await fetch(`${ctx.t.baseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  };
  /** Issues a card for the resident and returns the token inside its PDF's QR code. */
  const cardToken = async (resident: E2eResident, size: 'A4' | 'A6' = 'A6') => {
    expect((await http().post('/api/v1/me/card', undefined, resident.token)).status).toBe(201);
    const pdf = await pdfOf(`/api/v1/me/card/pdf?size=${size}`, resident.token);
    expect(pdf.status).toBe(200);
    const { qr } = await readCardPdf(pdf.bytes);
    if (!qr) throw new Error('no QR code in the card PDF');
    return qr;
  };
  const cardsOf = async (residentId: string) =>
    (await ctx.db.query('SELECT card_id, revoked_at, revoke_reason FROM printed_cards WHERE resident_id = UNHEX(?)', [
      residentId.replace(/-/g, ''),
    ])) as { card_id: string; revoked_at: Date | null; revoke_reason: string | null }[];
  const statusList = async () => {
    const res = await http().get('/.well-known/healthcode-checkpoint-bundle');
    expect(res.status).toBe(200);
    const read = await readCardStatusList(res.body.cardStatus, res.body.jwks);
    if (!read.ok) throw new Error(`status list did not verify: ${read.error}`);
    return read.value;
  };

  it('prints an A4 and an A6 card: a valid PDF of one page, the QR holds a card token with no personal data', async () => {
    const resident = await ctx.newResident();
    const issued = await http().post('/api/v1/me/card', undefined, resident.token);
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({
      issuedAt: '2026-12-07T02:00:00.000Z',
      expiresAt: '2027-03-07T02:00:00.000Z',
      issuedBy: 'resident',
      name: '张*',
    });
    expect((await http().get('/api/v1/me/card', resident.token)).body).toEqual({ card: issued.body });

    for (const [size, width, height] of [
      ['A4', 595.28, 841.89],
      ['A6', 297.64, 419.53],
    ] as const) {
      const pdf = await pdfOf(`/api/v1/me/card/pdf?size=${size}`, resident.token);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe('%PDF-');
      expect(pdf.bytes.length).toBeLessThan(200_000);
      const read = await readCardPdf(pdf.bytes);
      expect(read.pages).toHaveLength(1);
      expect(read.pages[0].width).toBeCloseTo(width, 1);
      expect(read.pages[0].height).toBeCloseTo(height, 1);
      const token = read.qr as string;
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'hc-card+jwt' });
      const claims = decodeJwt(token);
      expect(Object.keys(claims).sort()).toEqual(['crd', 'exp', 'iss', 'nbf']);
      expect(claims).toMatchObject({ iss: 'cn-33' });
      expect((claims.exp as number) - (claims.nbf as number)).toBe(90 * 86_400);
      expect(token).not.toContain(resident.idNumber);
      expect(claims.crd).not.toContain(resident.residentId.replace(/-/g, ''));
      expect(Buffer.from(pdf.bytes).toString('latin1')).not.toContain(resident.idNumber);
    }
  });

  it("scans online: a green card is admitted, a red one is not; both scans list among the holder's scans", async () => {
    const green = await ctx.newResident();
    const token = await cardToken(green);
    const res = await scan(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ color: 'green', admitted: true, reason: 'admitted', superseded: false });
    const mine = (await http().get('/api/v1/me/scans', green.token)).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ color: 'green', admitted: true, reason: 'admitted', shownWith: 'card' });

    const red = await ctx.newResident();
    const redToken = await cardToken(red);
    await ctx.newConfirmedCase(red.idNumber, { rescoreResidentId: red.residentId });
    expect((await scan(redToken)).body).toEqual({
      color: 'red',
      admitted: false,
      reason: 'color-not-admitted',
      superseded: false,
    });
    expect((await http().get('/api/v1/me/scans', red.token)).body.items).toHaveLength(1);
  });

  it("reissue revokes the previous card; revoke stops the card; both refusals show in the holder's scans", async () => {
    const resident = await ctx.newResident();
    const first = await cardToken(resident);
    const second = await cardToken(resident);
    expect(first).not.toEqual(second);
    const refused = await scan(first);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SCAN_REJECTED');
    expect(refused.body.message).toMatch(/revoked or replaced/);
    expect((await scan(second)).body).toMatchObject({ color: 'green', admitted: true });
    expect((await cardsOf(resident.residentId)).map((c) => c.revoke_reason).sort()).toEqual([null, 'reissued']);

    const revoke = await http().post('/api/v1/me/card/revoke', { reason: 'lost' }, resident.token);
    expect(revoke.status).toBe(200);
    expect(revoke.body).toEqual({ card: null });
    expect((await scan(second)).status).toBe(422);
    expect((await http().post('/api/v1/me/card/revoke', { reason: 'lost' }, resident.token)).status).toBe(404);
    expect((await pdfOf('/api/v1/me/card/pdf', resident.token)).status).toBe(404);
    const mine = (await http().get('/api/v1/me/scans', resident.token)).body.items;
    expect(mine.map((s: { reason: string }) => s.reason).sort()).toEqual(['admitted', 'card-revoked', 'card-revoked']);
  });

  it('refuses an expired card', async () => {
    const resident = await ctx.newResident();
    const token = await cardToken(resident);
    const start = ctx.t.clock.now();
    try {
      ctx.t.clock.set(new Date(start.getTime() + 91 * 86_400_000));
      const res = await scan(token);
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/expired/);
    } finally {
      ctx.t.clock.set(start);
    }
  });

  it('refuses forged cards, a code token dressed as a card and a card dressed as a code token', async () => {
    const resident = await ctx.newResident();
    const token = await cardToken(resident);
    const claims = decodeJwt(token) as { iss: string; crd: string; nbf: number; exp: number };
    const other = await KeyRing.generate();
    const forged = await signCardToken(claims, other.current);
    expect((await scan(forged)).body.message).toMatch(/unknown|key/i);
    const [h, , s] = token.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ ...claims, crd: generateCodeId() })).toString('base64url')}.${s}`;
    expect((await scan(altered)).body.message).toMatch(/forged or altered/);

    const key = ctx.get(CodeSignerService).keyRing.current;
    const sign = (payload: Record<string, unknown>, typ: string) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ }).sign(key.privateKey);
    const code = (await http().get('/api/v1/me/code', resident.token)).body.token as string;
    const codeAsCard = await sign(decodeJwt(code), 'hc-card+jwt');
    const cardAsCode = await sign(claims, 'hc+jwt');
    for (const t of [codeAsCard, cardAsCode]) {
      const res = await scan(t);
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/invalid contents/);
    }
    // A card from another issuer (signed with our key, claiming a peer's iss) is not ours to look up.
    const peer = await sign({ ...claims, iss: 'cn-34' }, 'hc-card+jwt');
    expect((await scan(peer)).body.message).toMatch(/issuer/);
  });

  it('hotline staff issue a card for a verified resident in their scope: audited and in the access log', async () => {
    const resident = await ctx.newResident();
    const agent = await ctx.newStaff('hotline-agent', '33');
    const issued = await http().post(
      `/api/v1/staff/residents/${resident.residentId}/card`,
      { callRef: 'CALL-2026-1207' },
      agent.token,
    );
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ issuedBy: 'staff', name: '张*' });
    const pdf = await pdfOf(
      `/api/v1/staff/residents/${resident.residentId}/card/pdf?size=A4&callRef=CALL-2026-1207`,
      agent.token,
    );
    expect(pdf.status).toBe(200);
    const token = (await readCardPdf(pdf.bytes)).qr as string;
    expect((await scan(token)).body).toMatchObject({ color: 'green', admitted: true });

    const log = (await http().get('/api/v1/me/access-log', resident.token)).body.items;
    expect(log.filter((e: { scope: string }) => e.scope === 'card')).toEqual([
      expect.objectContaining({ role: 'hotline-agent', purpose: 'hotline-call:CALL-2026-1207' }),
      expect.objectContaining({ role: 'hotline-agent', purpose: 'hotline-call:CALL-2026-1207' }),
    ]);
    const audit: { action: string }[] = await ctx.db.query(
      "SELECT action FROM audit_log WHERE target_id = ? AND action LIKE 'card.%' ORDER BY seq",
      [resident.residentId],
    );
    expect(audit.map((a) => a.action)).toEqual(['card.issued', 'card.printed']);
  });

  it('refuses wrong roles, out-of-scope staff and unverified residents, and bad input, changing nothing', async () => {
    const resident = await ctx.newResident();
    const unverified = await ctx.newResident({}, { verified: false });
    const [unverifiedRow] = await ctx.db.query('SELECT HEX(id) AS id FROM residents WHERE id_hmac = ?', [
      ctx.idHmac(unverified.idNumber),
    ]);
    const unverifiedId = (unverifiedRow.id as string)
      .toLowerCase()
      .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    const body = { callRef: 'CALL-1' + 'x'.repeat(3) };
    const issue = (id: string, token: string, b: unknown = body) =>
      http().post(`/api/v1/staff/residents/${id}/card`, b, token);

    const operator = await ctx.newStaff('checkpoint-operator', '33');
    const admin = await ctx.newStaff('region-admin', '33');
    const elsewhere = await ctx.newStaff('hotline-agent', '44');
    const agent = await ctx.newStaff('hotline-agent', '3301');
    expect((await issue(resident.residentId, operator.token)).status).toBe(403);
    expect((await issue(resident.residentId, admin.token)).status).toBe(403);
    expect((await issue(resident.residentId, resident.token)).status).toBe(403);
    const out = await issue(resident.residentId, elsewhere.token);
    expect(out.status).toBe(404);
    expect((await issue('not-a-uuid', agent.token)).status).toBe(404);
    const unv = await issue(unverifiedId, agent.token);
    expect(unv.status).toBe(409);
    expect(unv.body.code).toBe('VERIFICATION_REQUIRED');
    expect((await http().post('/api/v1/me/card', undefined, unverified.token)).status).toBe(409);

    for (const bad of [
      {},
      { callRef: 'x' },
      { callRef: '12345678901234567890123456789012345678901' },
      { ...body, extra: 1 },
    ])
      expect((await issue(resident.residentId, agent.token, bad)).status).toBe(400);
    expect((await http().post('/api/v1/me/card/revoke', { reason: 'stolen!' }, resident.token)).status).toBe(400);
    expect((await pdfOf('/api/v1/me/card/pdf?size=A5', resident.token)).status).toBe(400);
    const zh = await fetch(`${ctx.t.baseUrl}/api/v1/me/card/pdf?size=A5`, {
      headers: { authorization: `Bearer ${resident.token}`, 'accept-language': 'zh-CN' },
    });
    const zhBody = (await zh.json()) as { errors: { message: string }[] };
    expect(zhBody.errors.map((e) => e.message)).toContain('纸张大小须为 A4 或 A6');
    expect(await cardsOf(resident.residentId)).toEqual([]);
    expect(await cardsOf(unverifiedId)).toEqual([]);
  });

  it("a carer prints a dependant's card and sees its scans; the dependant's access log names the carer", async () => {
    const carer = await ctx.newResident();
    const child = await ctx.newDependant(carer);
    const asCarer = (path: string, method = 'GET') =>
      fetch(`${ctx.t.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${carer.token}`, ...child.headers },
      });
    const issued = await asCarer('/api/v1/me/card', 'POST');
    expect(issued.status).toBe(201);
    expect(await issued.json()).toMatchObject({ name: '李**', issuedBy: 'resident' });
    const pdf = await asCarer('/api/v1/me/card/pdf?size=A6');
    expect(pdf.status).toBe(200);
    const token = (await readCardPdf(new Uint8Array(await pdf.arrayBuffer()))).qr as string;
    expect((await scan(token)).body).toMatchObject({ color: 'green', admitted: true });
    const scans = (await (await asCarer('/api/v1/me/scans')).json()) as { items: { reason: string }[] };
    expect(scans.items.map((i) => i.reason)).toEqual(['admitted']);
    // The carer's own card is untouched: the card is the dependant's.
    expect((await http().get('/api/v1/me/card', carer.token)).body).toEqual({ card: null });
    const log = (await (await asCarer('/api/v1/me/access-log')).json()) as { items: { role: string; scope: string }[] };
    expect(log.items.filter((e) => e.scope === 'card').map((e) => e.role)).toEqual(['carer', 'carer']);
  });

  it('status list: signed, lists revoked and non-green cards only, rebuilt within 15 minutes', async () => {
    const green = await ctx.newResident();
    const red = await ctx.newResident();
    const revoked = await ctx.newResident();
    const crdOf = (token: string) => decodeJwt(token).crd as string;
    const greenCard = crdOf(await cardToken(green));
    const redCard = crdOf(await cardToken(red));
    const revokedCard = crdOf(await cardToken(revoked));
    await ctx.newConfirmedCase(red.idNumber, { rescoreResidentId: red.residentId });
    expect((await http().post('/api/v1/me/card/revoke', { reason: 'lost' }, revoked.token)).status).toBe(200);

    const list = await statusList();
    expect(list.iss).toBe('cn-33');
    expect(list.revoked).toContain(revokedCard);
    expect(list.notGreen).toContain(redCard);
    expect([...list.revoked, ...list.notGreen]).not.toContain(greenCard);
    expect(list.notGreen).not.toContain(revokedCard);
    expect(Object.keys(list).sort()).toEqual(['iat', 'iss', 'notGreen', 'revoked']);

    // A colour change reaches the list at its next build, at most 15 minutes later.
    const turned = await ctx.newResident();
    const turnedCard = crdOf(await cardToken(turned));
    await ctx.newConfirmedCase(turned.idNumber, { rescoreResidentId: turned.residentId });
    const start = ctx.t.clock.now();
    try {
      ctx.t.clock.set(new Date(start.getTime() + 15 * 60_000));
      const later = await statusList();
      expect(later.notGreen).toContain(turnedCard);
      expect(later.iat).toBe(Math.floor(ctx.t.clock.now().getTime() / 1000));
    } finally {
      ctx.t.clock.set(start);
    }
    const wellKnown = await http().get('/.well-known/healthcode-card-status');
    expect(wellKnown.status).toBe(200);
    expect(typeof wellKnown.body).toBe('string');
  });

  it('limits PDF renderings per resident (they cost CPU): 429 with Retry-After, others unaffected', async () => {
    const limited = await E2eContext.create({
      now: '2026-12-07T02:00:00Z',
      env: { RATE_LIMIT_CARD_PDF_PER_MINUTE: '2' },
    });
    try {
      const one = await limited.newResident();
      const two = await limited.newResident();
      for (const r of [one, two])
        expect((await limited.http.post('/api/v1/me/card', undefined, r.token)).status).toBe(201);
      const get = (token: string) =>
        fetch(`${limited.t.baseUrl}/api/v1/me/card/pdf?size=A6`, { headers: { authorization: `Bearer ${token}` } });
      expect((await get(one.token)).status).toBe(200);
      expect((await get(one.token)).status).toBe(200);
      const third = await get(one.token);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await get(two.token)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
  it('without its font the server answers 503 in the caller’s language, the card stays valid, nothing is written', async () => {
    const fontless = await E2eContext.create({
      now: '2026-12-07T02:00:00Z',
      env: { CARD_FONT_PATH: '/nonexistent/healthcode-card-font.ttc' },
    });
    try {
      const resident = await fontless.newResident();
      const issued = await fontless.http.post('/api/v1/me/card', undefined, resident.token);
      expect(issued.status).toBe(201);
      const cards = async () =>
        Number((await fontless.db.query('SELECT COUNT(*) AS n FROM printed_cards'))[0].n as string | number);
      const before = await cards();
      const res = await fetch(`${fontless.t.baseUrl}/api/v1/me/card/pdf?size=A6`, {
        headers: { authorization: `Bearer ${resident.token}`, 'accept-language': 'zh-CN' },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.message).toBe('本服务器暂时无法生成打印卡。您已有的卡仍然有效，请稍后再试');
      expect(await cards()).toBe(before);
      // The card issued before is still the one in use.
      expect((await fontless.http.get('/api/v1/me/card', resident.token)).body).toEqual({ card: issued.body });
    } finally {
      await fontless.close();
    }
  });
});
