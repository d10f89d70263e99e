import { cstDate } from '@healthcode/contracts';

import { httpClient } from '../utils/http-client';
import { compareWithReference } from '../utils/rescore-harness';
import { newResident } from '../utils/resident.factory';
import { createTestApp, type TestApp } from '../utils/test-app';

describe('public colour statistics (GET /api/v1/stats/colors)', () => {
  let t: TestApp;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    t = await createTestApp();
    http = httpClient(t.baseUrl);
  });
  afterAll(async () => t?.close());

  const stats = async (region: string) => (await http.get(`/api/v1/stats/colors?region=${region}`)).body;

  it('is public and counts every code written through the per-resident path, in the same transaction', async () => {
    const empty = await stats('33');
    expect(empty).toEqual({
      region: '33',
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

    const province = await stats('33');
    expect(province.counts).toEqual({ green: 1, yellow: 1, red: 0 });
    expect(province.children).toEqual([{ region: '3301', counts: { green: 1, yellow: 1, red: 0 } }]);
    expect((await stats('3301')).children).toEqual([{ region: '330106', counts: { green: 1, yellow: 1, red: 0 } }]);
    expect((await stats('')).counts).toEqual({ green: 1, yellow: 1, red: 0 });
    expect(province.trend.at(-1)).toEqual({ date: today, green: 1, yellow: 1, red: 0 });
    expect(await compareWithReference(t.app)).toMatchObject({ counterMismatches: [], wrong: [], missing: [] });

    // Erasure takes the resident out of today's counts; yesterday's trend would keep them.
    expect((await http.delete('/api/v1/me', a.token)).status).toBe(200);
    expect((await stats('33')).counts).toEqual({ green: 0, yellow: 1, red: 0 });
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
