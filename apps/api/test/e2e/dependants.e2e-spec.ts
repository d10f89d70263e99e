import { randomUUID } from 'node:crypto';

import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { CodeService } from '../../src/modules/code/code.service';
import { E2eContext, type E2eResident, minorResidentId } from '../utils/e2e-context';
import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';

/** Acting for a family member (issue #19): care links, `X-Acting-For`, and "by … for …" records. */
describe('dependants: a carer acts for a child or an adult through the same /me routes (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
  });
  afterAll(() => ctx?.close());

  const as = (headers: Record<string, string>, lang = 'en') => ({ ...headers, 'accept-language': lang });
  const getFor = (path: string, token: string, dependantId: string) =>
    ctx.http.send('GET', path, undefined, token, as({ 'x-acting-for': dependantId }));
  const postFor = (path: string, body: unknown, token: string, dependantId: string) =>
    ctx.http.send('POST', path, body, token, as({ 'x-acting-for': dependantId }));
  const minor = (over: Record<string, unknown> = {}) => ({
    consentVersion: CONSENT_VERSION,
    guardianDeclaration: true,
    name: '李小红',
    idType: 'resident-id',
    idNumber: minorResidentId(),
    homeRegion: '330106',
    ...over,
  });
  /** Everything a refused request could have written. */
  const snapshot = async () =>
    (
      await ctx.db.query(
        `SELECT (SELECT COUNT(*) FROM care_links) l, (SELECT GROUP_CONCAT(status ORDER BY id) FROM care_links) ls,
           (SELECT COUNT(*) FROM residents) r, (SELECT COUNT(*) FROM access_log) a, (SELECT COUNT(*) FROM code_history) h,
           (SELECT COUNT(*) FROM declarations) d, (SELECT COUNT(*) FROM check_ins) c`,
      )
    )[0];
  const withoutToken = ({ token: _t, ...rest }: { token?: unknown }) => rest;

  it('a guardian adds a child; the child is verified like anyone without a host; the carer sees exactly the child’s code page', async () => {
    const carer = await ctx.newResident({ name: '王大明' });
    const child = await ctx.newDependant(carer, { verified: false, name: '王小明' });
    // Unverified: the same answer the child would get.
    const early = await getFor('/api/v1/me/code', carer.token, child.dependantId);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('VERIFICATION_REQUIRED');
    // A refused read (the care link was checked, the answer is an error) goes into nobody's access log.
    const [logged] = await ctx.db.query(
      "SELECT COUNT(*) AS n, GROUP_CONCAT(purpose) AS p FROM access_log WHERE resident_id = ? AND role = 'carer' AND scope = 'code'",
      [uuidToBuffer(child.dependantId)],
    );
    expect({ n: Number(logged.n), p: logged.p }).toEqual({ n: 0, p: null });

    await ctx.verifyAtHotline(child.dependantId, child.idNumber);
    await ctx.newConfirmedCase(child.idNumber, { rescoreResidentId: child.dependantId });
    const seen = await getFor('/api/v1/me/code', carer.token, child.dependantId);
    expect(seen.status).toBe(200);
    expect(seen.body.color).toBe('red');
    expect(seen.body.reasons.length).toBeGreaterThan(0);
    const own = await ctx.get(CodeService).currentCode(child.dependantId);
    expect(withoutToken(seen.body)).toEqual(withoutToken(JSON.parse(JSON.stringify(own))));
    // The carer's own code is untouched by the child's facts.
    expect(await ctx.color(carer.token)).toBe('green');

    const profile = await getFor('/api/v1/me/profile', carer.token, child.dependantId);
    expect(profile.body).toMatchObject({
      name: '王**',
      phone: null,
      verification: { state: 'verified', method: 'hotline' },
    });
    const list = await ctx.http.get('/api/v1/me/dependants', carer.token);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        dependantId: child.dependantId,
        name: '王**',
        kind: 'minor',
        status: 'active',
        consentMethod: 'guardian-declaration',
        color: 'red',
      }),
    ]);
  });

  it('declares, checks in and appeals for the child; history and access log say "by <carer> for <child>" to both', async () => {
    const carer = await ctx.newResident({ name: '赵大海' });
    const child = await ctx.newDependant(carer, { name: '赵小海' });
    await ctx.newConfirmedCase(child.idNumber, { rescoreResidentId: child.dependantId });

    const declared = await postFor(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [{ symptom: 'fever', onset: '2020-02-19' }] },
      carer.token,
      child.dependantId,
    );
    expect(declared.status).toBe(201);
    const checkedIn = await postFor('/api/v1/me/check-ins', { healthy: true }, carer.token, child.dependantId);
    expect(checkedIn.status).toBe(201);
    // The carer's own record has none of it.
    expect((await ctx.http.get('/api/v1/me/declarations', carer.token)).body.items).toEqual([]);
    expect((await getFor('/api/v1/me/declarations', carer.token, child.dependantId)).body.items).toHaveLength(1);

    const code = await getFor('/api/v1/me/code', carer.token, child.dependantId);
    const reason = code.body.reasons.find((r: { fact: { kind: string } }) => r.fact.kind === 'case');
    // The appeal form offers the categories of the child's region.
    const offered = await getFor('/api/v1/me/appeal-categories', carer.token, child.dependantId);
    expect(offered.status).toBe(200);
    expect(offered.body.categories.map((c: { key: string }) => c.key)).toContain('other');
    const appeal = await postFor(
      '/api/v1/me/appeals',
      {
        ruleId: reason.ruleId,
        factKind: 'case',
        factRef: reason.fact.ref,
        category: 'other',
        statement: 'Please check.',
      },
      carer.token,
      child.dependantId,
    );
    expect(appeal.status).toBe(201);
    expect((await getFor('/api/v1/me/appeals', carer.token, child.dependantId)).body.items).toHaveLength(1);
    expect((await ctx.http.get('/api/v1/me/appeals', carer.token)).body.items).toEqual([]);

    const history = (await getFor('/api/v1/me/code/history', carer.token, child.dependantId)).body.items;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cause: 'declaration', actedFor: { carer: '赵**', dependant: '赵**' } }),
      ]),
    );
    expect(history.find((h: { cause: string }) => h.cause === 'authority-import').actedFor).toBeUndefined();

    const childLog = (await getFor('/api/v1/me/access-log', carer.token, child.dependantId)).body.items;
    const purposes = childLog
      .filter((e: { role: string }) => e.role === 'carer')
      .map((e: { purpose: string }) => e.purpose);
    expect(purposes).toEqual(
      expect.arrayContaining([
        'declared',
        'checked in',
        'filed an appeal',
        'read the code',
        'added as a dependant by a guardian’s declaration',
      ]),
    );
    expect(childLog.find((e: { purpose: string }) => e.purpose === 'declared').actedFor).toEqual({
      carer: '赵**',
      dependant: '赵**',
    });
    // The carer sees the same entries in their own activity.
    const carerLog = (await ctx.http.get('/api/v1/me/access-log', carer.token)).body.items;
    expect(carerLog.map((e: { purpose: string }) => e.purpose)).toEqual(
      expect.arrayContaining(['declared', 'checked in']),
    );
  });

  it('an adult with the app accepts on their own device; the carer then sees what they see; the adult removes the carer at any time', async () => {
    const carer = await ctx.newResident({ name: '孙女儿' });
    const parent = await ctx.newResident({ name: '孙老伯' });
    const asked = await ctx.http.post(
      '/api/v1/me/dependants/adults',
      { idType: 'resident-id', idNumber: parent.idNumber },
      carer.token,
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      kind: 'adult',
      consentMethod: null,
      dependantId: parent.residentId,
    });
    const pending = await getFor('/api/v1/me/code', carer.token, parent.residentId);
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('CARE_LINK_NOT_ACTIVE');

    const carers = await ctx.http.get('/api/v1/me/carers', parent.token);
    expect(carers.body.items).toEqual([expect.objectContaining({ name: '孙**', status: 'pending' })]);
    // Only the dependant answers: the carer cannot accept their own request.
    expect((await ctx.http.post(`/api/v1/me/carers/${asked.body.linkId}/accept`, {}, carer.token)).status).toBe(404);
    const accepted = await ctx.http.post(`/api/v1/me/carers/${asked.body.linkId}/accept`, {}, parent.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.items).toEqual([expect.objectContaining({ status: 'active', consentMethod: 'own-device' })]);

    await ctx.newConfirmedCase(parent.idNumber, { rescoreResidentId: parent.residentId });
    const mine = await ctx.http.get('/api/v1/me/code', parent.token);
    const theirs = await getFor('/api/v1/me/code', carer.token, parent.residentId);
    expect(theirs.status).toBe(200);
    expect(withoutToken(theirs.body)).toEqual(withoutToken(mine.body));
    expect((await getFor('/api/v1/me/code/history', carer.token, parent.residentId)).body).toEqual(
      (await ctx.http.get('/api/v1/me/code/history', parent.token)).body,
    );
    // The parent sees the carer's reads in their own access log.
    const log = (await ctx.http.get('/api/v1/me/access-log', parent.token)).body.items;
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'carer',
          purpose: 'read the code',
          actedFor: { carer: '孙**', dependant: '孙**' },
        }),
      ]),
    );

    expect((await ctx.http.delete(`/api/v1/me/carers/${asked.body.linkId}`, parent.token)).status).toBe(204);
    const after = await getFor('/api/v1/me/code', carer.token, parent.residentId);
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('CARE_LINK_NOT_ACTIVE');
    expect((await ctx.http.get('/api/v1/me/dependants', carer.token)).body.items).toEqual([]);
    // A removed link can be asked for again, and refused.
    const again = await ctx.http.post(
      '/api/v1/me/dependants/adults',
      { idType: 'resident-id', idNumber: parent.idNumber },
      carer.token,
    );
    expect(again.status).toBe(201);
    expect((await ctx.http.delete(`/api/v1/me/carers/${again.body.linkId}`, parent.token)).status).toBe(204);
  });

  it('limits: a 6th dependant and a 3rd carer are refused, changing nothing', async () => {
    const carer = await ctx.newResident();
    for (let i = 0; i < 5; i++) await ctx.newDependant(carer, { verified: false });
    const before = await snapshot();
    const sixth = await ctx.http.send('POST', '/api/v1/me/dependants/minors', minor(), carer.token, as({}, 'zh-CN'));
    expect(sixth.status).toBe(409);
    expect(sixth.body.code).toBe('CARE_LIMIT_REACHED');
    expect(sixth.body.message).toContain('已达上限');
    expect(await snapshot()).toEqual(before);

    // Both parents may add the same child; a third adult may not.
    const [mum, dad, stranger] = [await ctx.newResident(), await ctx.newResident(), await ctx.newResident()];
    const child = await ctx.newDependant(mum, { verified: false });
    const second = await ctx.http.post('/api/v1/me/dependants/minors', minor({ idNumber: child.idNumber }), dad.token);
    expect(second.status).toBe(201);
    expect(second.body.dependantId).toBe(child.dependantId);
    const before3 = await snapshot();
    const third = await ctx.http.post(
      '/api/v1/me/dependants/minors',
      minor({ idNumber: child.idNumber }),
      stranger.token,
    );
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('CARE_LIMIT_REACHED');
    expect(await snapshot()).toEqual(before3);
  });

  it('erasing either side unlinks them', async () => {
    const carer = await ctx.newResident();
    const child = await ctx.newDependant(carer);
    const parent = await ctx.newResident();
    const asked = await ctx.http.post(
      '/api/v1/me/dependants/adults',
      { idType: 'resident-id', idNumber: parent.idNumber },
      carer.token,
    );
    await ctx.http.post(`/api/v1/me/carers/${asked.body.linkId}/accept`, {}, parent.token);
    expect((await ctx.http.get('/api/v1/me/dependants', carer.token)).body.items).toHaveLength(2);

    // The adult dependant erases their account: the link goes with it.
    expect((await ctx.http.delete('/api/v1/me', parent.token)).status).toBe(200);
    expect((await ctx.http.get('/api/v1/me/dependants', carer.token)).body.items).toHaveLength(1);
    const gone = await getFor('/api/v1/me/code', carer.token, parent.residentId);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('DEPENDANT_NOT_FOUND');

    // The carer erases theirs: no link to the child is left; the child's own record stays.
    const receipt = await ctx.http.delete('/api/v1/me', carer.token);
    expect(receipt.status).toBe(200);
    const links = await ctx.db.query(
      "SELECT COUNT(*) n FROM care_links WHERE HEX(dependant_id) = REPLACE(?, '-', '')",
      [child.dependantId],
    );
    expect(Number(links[0].n)).toBe(0);
    // The entries the carer wrote stay in the child's log, without the carer.
    const [row] = await ctx.db.query(
      "SELECT COUNT(*) n, SUM(actor_resident_id IS NULL) unlinked FROM access_log WHERE role = 'carer' AND HEX(resident_id) = REPLACE(?, '-', '')",
      [child.dependantId],
    );
    expect(Number(row.n)).toBeGreaterThan(0);
    expect(Number(row.unlinked)).toBe(Number(row.n));
  });

  it('acting for a stranger, for a missing id, or with a bad header is refused the same way and changes nothing', async () => {
    const carer = await ctx.newResident();
    const other = await ctx.newResident();
    const theirChild = await ctx.newDependant(other);
    const before = await snapshot();
    const stranger = await getFor('/api/v1/me/code', carer.token, theirChild.dependantId);
    const missing = await getFor('/api/v1/me/code', carer.token, randomUUID());
    const adultStranger = await postFor('/api/v1/me/check-ins', { healthy: true }, carer.token, other.residentId);
    for (const res of [stranger, missing, adultStranger]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('DEPENDANT_NOT_FOUND');
      expect(res.body.message).toBe(stranger.body.message);
    }
    const malformed = await getFor('/api/v1/me/code', carer.token, 'not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    // Routes a carer cannot use for someone else refuse the header outright.
    const profile = await ctx.http.send(
      'PUT',
      '/api/v1/me/profile',
      {
        consentVersion: CONSENT_VERSION,
        name: 'x',
        idType: 'resident-id',
        idNumber: validResidentId(),
        phone: '13812345678',
        homeRegion: '330106',
      },
      other.token,
      as({ 'x-acting-for': theirChild.dependantId }),
    );
    expect(profile.status).toBe(400);
    expect(profile.body.code).toBe('ACTING_FOR_NOT_ALLOWED');
    const erase = await ctx.http.send(
      'DELETE',
      '/api/v1/me',
      undefined,
      other.token,
      as({ 'x-acting-for': theirChild.dependantId }, 'zh-CN'),
    );
    expect(erase.status).toBe(400);
    expect(erase.body.message).toContain('代办人');
    // Staff cannot act for anyone.
    const staff = await ctx.newStaff('hotline-agent');
    const staffTry = await ctx.http.send(
      'GET',
      '/api/v1/me/code',
      undefined,
      staff.token,
      as({ 'x-acting-for': theirChild.dependantId }),
    );
    expect(staffTry.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad adds with 4xx and changes nothing', async () => {
    const carer = await ctx.newResident();
    const adult = await ctx.newResident();
    const child = await ctx.newDependant(await ctx.newResident(), { verified: false });
    const unverified: E2eResident = await ctx.newResident({}, { verified: false });
    const before = await snapshot();
    const cases: [string, Record<string, unknown>, string, number, string][] = [
      ['/api/v1/me/dependants/minors', minor({ idNumber: carer.idNumber }), carer.token, 422, 'CARE_LINK_REFUSED'],
      ['/api/v1/me/dependants/minors', minor({ idNumber: validResidentId() }), carer.token, 422, 'CARE_LINK_REFUSED'],
      ['/api/v1/me/dependants/minors', minor({ guardianDeclaration: false }), carer.token, 400, 'VALIDATION_FAILED'],
      [
        '/api/v1/me/dependants/minors',
        minor({ idNumber: '330106201405010000' }),
        carer.token,
        400,
        'VALIDATION_FAILED',
      ],
      [
        '/api/v1/me/dependants/minors',
        minor({ idType: 'passport', idNumber: 'E1234567' }),
        carer.token,
        400,
        'VALIDATION_FAILED',
      ],
      ['/api/v1/me/dependants/minors', minor({ consentVersion: 'old' }), carer.token, 400, 'VALIDATION_FAILED'],
      ['/api/v1/me/dependants/minors', minor({ extra: 1 }), carer.token, 400, 'VALIDATION_FAILED'],
      ['/api/v1/me/dependants/minors', minor({ idNumber: adult.idNumber }), carer.token, 422, 'CARE_LINK_REFUSED'],
      ['/api/v1/me/dependants/minors', minor(), unverified.token, 409, 'VERIFICATION_REQUIRED'],
      [
        '/api/v1/me/dependants/adults',
        { idType: 'resident-id', idNumber: carer.idNumber },
        carer.token,
        422,
        'CARE_LINK_REFUSED',
      ],
      [
        '/api/v1/me/dependants/adults',
        { idType: 'resident-id', idNumber: child.idNumber },
        carer.token,
        422,
        'CARE_LINK_REFUSED',
      ],
      [
        '/api/v1/me/dependants/adults',
        { idType: 'resident-id', idNumber: validResidentId() },
        carer.token,
        404,
        'DEPENDANT_NOT_FOUND',
      ],
      [
        '/api/v1/me/dependants/adults',
        { idType: 'resident-id', idNumber: unverified.idNumber },
        carer.token,
        404,
        'DEPENDANT_NOT_FOUND',
      ],
      ['/api/v1/me/dependants/adults', { idType: 'resident-id' }, carer.token, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, body, token, status, code] of cases) {
      const res = await ctx.http.post(path, body, token);
      expect({ path, body, status: res.status, code: res.body?.code }).toEqual({ path, body, status, code });
    }
    expect((await ctx.http.delete('/api/v1/me/dependants/not-a-uuid', carer.token)).status).toBe(400);
    expect((await ctx.http.delete(`/api/v1/me/dependants/${child.linkId}`, carer.token)).status).toBe(404);
    expect((await ctx.http.delete(`/api/v1/me/carers/${child.linkId}`, carer.token)).status).toBe(404);
    const staff = await ctx.newStaff('supervisor');
    expect((await ctx.http.post('/api/v1/me/dependants/minors', minor(), staff.token)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('an adult without a phone consents to a carer at the hotline: an agent files, a different supervisor approves (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
  });
  afterAll(() => ctx?.close());

  const ROUTE = '/api/v1/staff/care-consents';
  const filing = (carer: E2eResident, over: Record<string, unknown> = {}) => ({
    carerResidentId: carer.residentId,
    name: '钱老太',
    idType: 'resident-id',
    idNumber: validResidentId(),
    homeRegion: '330106',
    documentType: 'resident-id-card',
    reason: 'The mother confirmed on a three-way call that her son may act for her; ID card shown on video.',
    callRef: 'HC-CARE-2020-1',
    ...over,
  });
  const snapshot = async () =>
    (
      await ctx.db.query(
        `SELECT (SELECT COUNT(*) FROM care_links) l, (SELECT COUNT(*) FROM residents) r,
           (SELECT COUNT(*) FROM hotline_verifications) h, (SELECT COUNT(*) FROM access_log) a,
           (SELECT COUNT(*) FROM audit_log WHERE action LIKE 'care.%' OR action LIKE 'identity.%') au`,
      )
    )[0];
  const codeFor = (carer: E2eResident, dependantId: string) =>
    ctx.http.send('GET', '/api/v1/me/code', undefined, carer.token, { 'x-acting-for': dependantId });

  it('the link is pending until a supervisor who did not file approves; approval verifies the adult and activates it; both audited', async () => {
    const carer = await ctx.newResident({ name: '钱大壮' });
    const agent = await ctx.newStaff('hotline-agent');
    const supervisor = await ctx.newStaff('supervisor');
    const filingSupervisor = await ctx.newStaff('supervisor');
    const filed = await ctx.http.post(ROUTE, filing(carer), agent.token);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', requestedBy: agent.id });
    const [pending] = (await ctx.http.get('/api/v1/me/dependants', carer.token)).body.items;
    expect(pending).toMatchObject({ kind: 'adult', status: 'pending', consentMethod: null, name: '钱**' });
    expect((await codeFor(carer, pending.dependantId)).body.code).toBe('CARE_LINK_NOT_ACTIVE');

    // The agent cannot decide; a supervisor cannot approve what they filed.
    const own = await ctx.http.post(ROUTE, filing(carer), filingSupervisor.token);
    expect(own.status).toBe(201);
    expect(
      (
        await ctx.http.post(
          `/api/v1/staff/identity-verifications/${filed.body.id}/decision`,
          { approve: true },
          agent.token,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await ctx.http.post(
          `/api/v1/staff/identity-verifications/${own.body.id}/decision`,
          { approve: true },
          filingSupervisor.token,
        )
      ).status,
    ).toBe(403);

    const approved = await ctx.http.post(
      `/api/v1/staff/identity-verifications/${filed.body.id}/decision`,
      { approve: true },
      supervisor.token,
    );
    expect(approved.status).toBe(200);
    const links = (await ctx.http.get('/api/v1/me/dependants', carer.token)).body.items;
    expect(links.find((d: { dependantId: string }) => d.dependantId === pending.dependantId)).toMatchObject({
      status: 'active',
      consentMethod: 'hotline',
    });
    const code = await codeFor(carer, pending.dependantId);
    expect(code.status).toBe(200);
    expect(code.body.color).toBe('green');
    const profile = await ctx.http.send('GET', '/api/v1/me/profile', undefined, carer.token, {
      'x-acting-for': pending.dependantId,
    });
    expect(profile.body.verification).toMatchObject({ state: 'verified', method: 'hotline' });
    const actions = (
      await ctx.db.query(
        "SELECT action FROM audit_log WHERE action LIKE 'care.%' OR action LIKE 'identity.hotline-%' ORDER BY seq",
      )
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['care.hotline-consent-filed', 'identity.hotline-filed', 'identity.hotline-approved']),
    );

    // Refused: the pending link goes; the carer cannot act.
    const refused = await ctx.http.post(
      `/api/v1/staff/identity-verifications/${own.body.id}/decision`,
      { approve: false, note: 'The caller could not show the ID card.' },
      supervisor.token,
    );
    expect(refused.status).toBe(200);
    expect((await codeFor(carer, own.body.residentId)).body.code).toBe('CARE_LINK_NOT_ACTIVE');
    expect((await ctx.http.get('/api/v1/me/dependants', carer.token)).body.items).toHaveLength(1);
  });

  it('refuses a minor, an unknown or unverified carer, out-of-scope regions, a taken number, residents and bad input, changing nothing', async () => {
    const carer = await ctx.newResident();
    const unverified = await ctx.newResident({}, { verified: false });
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, number, string][] = [
      [filing(carer, { idNumber: minorResidentId() }), agent.token, 422, 'CARE_LINK_REFUSED'],
      [filing(carer, { carerResidentId: randomUUID() }), agent.token, 404, 'NOT_FOUND'],
      [filing(unverified), agent.token, 409, 'VERIFICATION_REQUIRED'],
      [filing(carer, { homeRegion: '110101' }), agent.token, 403, 'OUT_OF_SCOPE'],
      [filing(carer, { idNumber: carer.idNumber }), agent.token, 422, 'CARE_LINK_REFUSED'],
      [filing(carer, { idNumber: unverified.idNumber }), agent.token, 409, 'ID_NUMBER_TAKEN'],
      [filing(carer, { reason: 'short' }), agent.token, 400, 'VALIDATION_FAILED'],
      [filing(carer, { callRef: 'x' }), agent.token, 400, 'VALIDATION_FAILED'],
      [filing(carer, { extra: true }), agent.token, 400, 'VALIDATION_FAILED'],
      [filing(carer), carer.token, 403, 'FORBIDDEN'],
    ];
    for (const [body, token, status, code] of cases) {
      const res = await ctx.http.post(ROUTE, body, token);
      expect({ body, status: res.status, code: res.body?.code }).toEqual({ body, status, code });
    }
    const auditor = await ctx.newStaff('auditor', '');
    expect((await ctx.http.post(ROUTE, filing(carer), auditor.token)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
