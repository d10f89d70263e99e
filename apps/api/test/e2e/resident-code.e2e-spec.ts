import { addDays, cstDate } from '@healthcode/contracts';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { DataSource } from 'typeorm';

import { newId } from '../../src/database/uuid-binary.transformer';
import { RegionRiskLevelEntity } from '../../src/modules/rules/region-risk-level.entity';
import { E2eContext } from '../utils/e2e-context';
import { newResident } from '../utils/resident.factory';
import type { TestApp } from '../utils/test-app';

describe('resident code over HTTP (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
    ({ t, http, db } = ctx);
  });
  afterAll(() => ctx?.close());

  it('turns red for a stay in a high-risk region, explains why, and signs a token anyone can verify with the JWKS', async () => {
    // Wuhan's Jianghan district is high risk from February 1st.
    await db.getRepository(RegionRiskLevelEntity).insert({
      id: newId(),
      region: '420103',
      level: 'high',
      effectiveFrom: new Date('2020-01-31T16:00:00Z'),
      effectiveTo: null,
      setBy: null,
      createdAt: new Date(),
    });
    const { token } = await newResident(http, { homeRegion: '110101' });
    const today = cstDate(t.clock.now());
    const stay = { region: '420103', from: addDays(today, -6), to: addDays(today, -3) };
    const declared = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [stay], symptoms: [], contact: null },
      token,
    );
    expect(declared.status).toBe(201);

    const code = await http.get('/api/v1/me/code', token);
    expect(code.status).toBe(200);
    expect(code.body.color).toBe('red');
    const reason = code.body.reasons.find((r: { color: string }) => r.color === 'red');
    expect(reason).toMatchObject({ color: 'red', ruleId: expect.stringMatching(/high-risk/) });
    expect(typeof reason.ruleVersion).toBe('number');
    expect(reason.fact.source).toBe('self-declared');
    expect(reason.text.en).toContain('Jianghan District, Wuhan City, Hubei Province (420103)');
    expect(reason.text['zh-CN']).toContain('江汉区');
    expect(code.body.greenAt === null || code.body.greenAt >= addDays(stay.to, 14)).toBe(true);
    if (code.body.greenAt === null) expect(code.body.greenWhen.en.length).toBeGreaterThan(0);
    expect(code.body.steps.length).toBeGreaterThan(0);
    expect(code.body.steps[0].text.en.length).toBeGreaterThan(0);

    // Independent verification: only jose and the key set fetched over HTTP.
    const jwks = createRemoteJWKSet(new URL(`${t.baseUrl}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(code.body.token, jwks, {
      algorithms: ['ES256'],
      currentDate: t.clock.now(),
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.col).toBe('red');
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
    expect(Object.keys(payload).sort()).toEqual(['cid', 'col', 'cv', 'exp', 'iat', 'iss', 'rsv']);
    expect(code.body.token).not.toContain('张三');

    const history = await http.get('/api/v1/me/code/history', token);
    expect(history.status).toBe(200);
    expect(history.body.items[0].colorAfter).toBe('red');
    expect(history.body.items[0].cause).toBe('declaration');
  });

  it('takes a yellow code (fever) to green after 7 consecutive healthy daily check-ins', async () => {
    const { token } = await newResident(http);
    const today = cstDate(t.clock.now());
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [{ symptom: 'fever', onset: today }], contact: null },
      token,
    );
    const yellow = await http.get('/api/v1/me/code', token);
    expect(yellow.body.color).toBe('yellow');
    expect(yellow.body.steps.some((s: { progress?: { total: number } }) => s.progress?.total === 7)).toBe(true);

    // Re-declaring without the fever does not erase it: only healthy check-ins, one a day, lead back to green.
    t.clock.advanceDays(1);
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      token,
    );
    expect((await http.get('/api/v1/me/code', token)).body.color).toBe('yellow');
    const colors: string[] = [];
    for (let day = 1; day <= 7; day++) {
      const res = await http.post('/api/v1/me/check-ins', { healthy: true, temperature: 36.6 }, token);
      expect(res.status).toBe(201);
      const again = await http.post('/api/v1/me/check-ins', { healthy: true }, token);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_CHECKED_IN');
      colors.push((await http.get('/api/v1/me/code', token)).body.color);
      t.clock.advanceDays(1);
    }
    expect(colors.slice(0, 6).every((c) => c === 'yellow')).toBe(true);
    const final = await http.get('/api/v1/me/code', token);
    expect(final.body.color).toBe('green');
    const history = await http.get('/api/v1/me/code/history', token);
    expect(history.body.items[0].colorAfter).toBe('green');
  });

  it('never changes the colour because of the home region', async () => {
    const a = await newResident(http, { homeRegion: '420103' });
    const b = await newResident(http, { homeRegion: '110101' });
    for (const r of [a, b])
      await http.post(
        '/api/v1/me/declarations',
        { currentRegion: '330106', stays: [], symptoms: [], contact: null },
        r.token,
      );
    const [ca, cb] = await Promise.all([http.get('/api/v1/me/code', a.token), http.get('/api/v1/me/code', b.token)]);
    expect(ca.body.color).toBe('green');
    expect(cb.body.color).toBe('green');
    expect(ca.body.reasons).toEqual(cb.body.reasons);
  });
});
