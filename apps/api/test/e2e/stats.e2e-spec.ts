import { cstDate } from '@healthcode/contracts';

import { DataSource } from 'typeorm';

import { httpClient } from '../utils/http-client';
import { compareWithReference } from '../utils/rescore-harness';
import { newResident } from '../utils/resident.factory';
import { StatsService } from '../../src/modules/rescore/stats.service';
import { createTestApp, type TestApp, testConfig } from '../utils/test-app';

describe('public colour statistics (GET /api/v1/stats/colors)', () => {
  let t: TestApp;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    // A threshold of 2 so that one resident is suppressed and two are shown (the default is 10).
    t = await createTestApp({ env: { STATS_SUPPRESS_BELOW: '2' } });
    http = httpClient(t.baseUrl);
  });
  afterAll(async () => t?.close());

  const stats = async (region: string) => (await http.get(`/api/v1/stats/colors?region=${region}`)).body;

  it('is public and counts every code written through the per-resident path, in the same transaction, hiding small yellow and red counts', async () => {
    const empty = await stats('33');
    expect(empty).toEqual({
      region: '33',
      suppressBelow: 2,
      counts: { green: 0, yellow: 0, red: 0 },
      children: [],
      trend: expect.any(Array),
    });

    const a = await newResident(http);
    const b = await newResident(http);
    for (const r of [a, b])
      expect(
        (
          await http.post(
            '/api/v1/me/declarations',
            { currentRegion: '330106', stays: [], symptoms: [], contact: null },
            r.token,
          )
        ).status,
      ).toBe(201);
    const today = cstDate(t.clock.now());
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [{ symptom: 'fever', onset: today }], contact: null },
      b.token,
    );

    // One yellow code is below the threshold: suppressed everywhere it would show, the trend included.
    const hidden = { green: 1, yellow: null, red: 0 };
    const province = await stats('33');
    expect(province.counts).toEqual(hidden);
    expect(province.children).toEqual([{ region: '3301', counts: hidden }]);
    expect((await stats('3301')).children).toEqual([{ region: '330106', counts: hidden }]);
    expect((await stats('')).counts).toEqual(hidden);
    expect(province.trend.at(-1)).toEqual({ date: today, ...hidden });
    expect(await compareWithReference(t.app)).toMatchObject({ counterMismatches: [], wrong: [], missing: [] });

    // A second yellow code reaches the threshold: shown.
    const c = await newResident(http);
    const withC = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [{ symptom: 'fever', onset: today }], contact: null },
      c.token,
    );
    expect(withC.status).toBe(201);
    const shown = { green: 1, yellow: 2, red: 0 };
    const after = await stats('33');
    expect(after.counts).toEqual(shown);
    expect(after.children).toEqual([{ region: '3301', counts: shown }]);
    expect(after.trend.at(-1)).toEqual({ date: today, ...shown });

    // Erasure takes the resident out of today's counts; yesterday's trend would keep them.
    expect((await http.delete('/api/v1/me', a.token)).status).toBe(200);
    expect((await stats('33')).counts).toEqual({ green: 0, yellow: 2, red: 0 });
    expect(await compareWithReference(t.app)).toMatchObject({ counterMismatches: [], wrong: [], missing: [] });
  });

  it('validates the region prefix and the number of days', async () => {
    expect((await http.get('/api/v1/stats/colors?region=330')).status).toBe(400);
    expect((await http.get('/api/v1/stats/colors?region=99')).status).toBe(400);
    const padded = await http.get('/api/v1/stats/colors?region=330100');
    expect(padded.status).toBe(200);
    expect(padded.body.region).toBe('3301');
    expect((await http.get('/api/v1/stats/colors?region=33&days=500')).status).toBe(400);
    const week = await http.get('/api/v1/stats/colors?region=42&days=7');
    expect(week.status).toBe(200);
    expect(week.body.trend).toHaveLength(7);
  });
});

describe('public colour statistics: no hidden count can be had by subtraction (issue #15)', () => {
  let t: TestApp;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    t = await createTestApp({ env: { STATS_SUPPRESS_BELOW: '10' } });
    http = httpClient(t.baseUrl);
  });
  afterAll(async () => t?.close());

  it('hides a complementary district, the same way in every answer that shows it', async () => {
    // Counters as the rescore path keeps them: every level is the sum of the one below.
    const districts: Record<string, number> = { '330102': 3, '330105': 12, '330106': 10, '330108': 0 };
    const rows: [string, string, number][] = [];
    for (const [region, red] of Object.entries(districts)) rows.push([region, 'red', red], [region, 'green', 50]);
    const red = Object.values(districts).reduce((a, b) => a + b, 0);
    for (const region of ['3301', '33', '']) rows.push([region, 'red', red], [region, 'green', 200]);
    const db = t.app.get(DataSource);
    await db.query(
      `INSERT INTO color_counts (region, color, count) VALUES ${rows.map(() => '(?,?,?)').join(',')}`,
      rows.flat(),
    );

    const city = (await http.get('/api/v1/stats/colors?region=3301')).body;
    const byRegion = Object.fromEntries(
      city.children.map((c: { region: string; counts: { red: number | null } }) => [c.region, c.counts.red]),
    );
    // 3 is small; alone it would be 25 − 12 − 10 − 0. The 10 goes with it; the zero stays.
    expect(byRegion).toEqual({ '330102': null, '330105': 12, '330106': null, '330108': 0 });
    expect(city.counts.red).toBe(25);
    // Asked about directly, the complementary district is hidden too (total and today's trend point).
    const district = (await http.get('/api/v1/stats/colors?region=330106')).body;
    expect(district.counts.red).toBeNull();
    expect(district.trend[district.trend.length - 1].red).toBeNull();
    // An attacker's best: the two hidden districts hold 13 between them, each from 1 to 12.
    const visible = Object.values(byRegion).filter((v): v is number => v !== null);
    expect(city.counts.red - visible.reduce((a, b) => a + b, 0)).toBe(13);
    expect(JSON.stringify(city)).not.toMatch(/"total"/);
  });
});

describe('public colour statistics: the per-process cache (STATS_CACHE_SECONDS)', () => {
  let t: TestApp;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    t = await createTestApp({
      env: { STATS_SUPPRESS_BELOW: '2', STATS_CACHE_SECONDS: '5' },
      now: '2020-02-10T02:00:00Z',
    });
    http = httpClient(t.baseUrl);
  });
  afterAll(async () => t?.close());

  const declare = async (symptomatic: boolean) => {
    const r = await newResident(http);
    const symptoms = symptomatic ? [{ symptom: 'fever', onset: cstDate(t.clock.now()) }] : [];
    const res = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms, contact: null },
      r.token,
    );
    expect(res.status).toBe(201);
  };

  it('answers exactly what an uncached computation gave within the window, and the new counts once it has passed', async () => {
    const service = t.app.get(StatsService, { strict: false });
    await declare(false);
    await declare(true);
    await declare(true);
    const first = (await http.get('/api/v1/stats/colors?region=33')).body;
    expect(first).toEqual(JSON.parse(JSON.stringify(await service.compute('33', 14))));
    expect(first.counts).toEqual({ green: 1, yellow: 2, red: 0 });

    // The counters change; within the 5 s the answer is the one computed before, whole and unchanged.
    await declare(true);
    t.clock.set(new Date(t.clock.now().getTime() + 4_999));
    expect((await http.get('/api/v1/stats/colors?region=33')).body).toEqual(first);
    // Other keys are computed on their own (a different region, a different number of days).
    expect((await http.get('/api/v1/stats/colors?region=3301&days=7')).body).toEqual(
      JSON.parse(JSON.stringify(await service.compute('3301', 7))),
    );
    expect((await http.get('/api/v1/stats/colors?region=3301&days=7')).body.counts.yellow).toBe(3);

    // Once the window has passed: the fresh computation, the same as uncached.
    t.clock.set(new Date(t.clock.now().getTime() + 1));
    const fresh = (await http.get('/api/v1/stats/colors?region=33')).body;
    expect(fresh).toEqual(JSON.parse(JSON.stringify(await service.compute('33', 14))));
    expect(fresh.counts).toEqual({ green: 1, yellow: 3, red: 0 });
  });

  it('is off in test mode unless set, so other suites see every change at once', async () => {
    expect(t.config.publicStats.cacheSeconds).toBe(5);
    const plain = await testConfig('mysql://root@127.0.0.1:3306/unused');
    expect(plain.publicStats.cacheSeconds).toBe(0);
  });
});
