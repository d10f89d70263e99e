import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { checkpointWithDevice, scanId, staffToken } from './checkpoint-fixtures';

describe('checkpoint registry and device rate limit (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];

  beforeAll(async () => {
    // 60 scans a minute per device: a burst of 10, then one a second.
    ctx = await E2eContext.create({ env: { RATE_LIMIT_SCAN_PER_MINUTE: '60' } });
    ({ t, http } = ctx);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('lets region and system admins manage checkpoints only inside their region scope', async () => {
    const hangzhou = (await staffToken(t, 'region-admin', '3301')).token;
    const wuhan = (await staffToken(t, 'region-admin', '4201')).token;
    const system = (await staffToken(t, 'system-admin', '')).token;
    const hotline = (await staffToken(t, 'hotline-agent', '3301')).token;
    const body = {
      name: 'Highway exit Xihu',
      kind: 'highway-exit',
      region: '330106',
      place: 'G60 Xihu exit, lane 3',
      admits: ['green', 'yellow'],
    };

    const created = await http.post('/api/v1/checkpoints', body, hangzhou);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, disabled: false });
    expect((await http.post('/api/v1/checkpoints', body, wuhan)).body.code).toBe('OUT_OF_SCOPE');
    expect((await http.post('/api/v1/checkpoints', body, hotline)).status).toBe(403);
    expect((await http.post('/api/v1/checkpoints', { ...body, region: '999999' }, system)).status).toBe(400);
    expect((await http.post('/api/v1/checkpoints', { ...body, admits: [] }, system)).status).toBe(400);
    expect((await http.post('/api/v1/checkpoints', { ...body, kind: 'airport' }, system)).status).toBe(400);

    expect((await http.get('/api/v1/checkpoints', hangzhou)).body.items.map((c: { id: string }) => c.id)).toContain(
      created.body.id,
    );
    expect((await http.get('/api/v1/checkpoints', wuhan)).body.items).toHaveLength(0);
    expect((await http.get('/api/v1/checkpoints?region=33', wuhan)).body.code).toBe('OUT_OF_SCOPE');
    expect((await http.get('/api/v1/checkpoints?region=42', system)).body.items).toHaveLength(0);

    expect(
      (await http.post(`/api/v1/checkpoints/${created.body.id}/devices`, { label: 'lane 3' }, wuhan)).body.code,
    ).toBe('OUT_OF_SCOPE');
    expect((await http.post(`/api/v1/checkpoints/${created.body.id}/disable`, {}, wuhan)).body.code).toBe(
      'OUT_OF_SCOPE',
    );
    expect((await http.get(`/api/v1/checkpoints/${created.body.id}/stats`, wuhan)).body.code).toBe('OUT_OF_SCOPE');
    const disabled = await http.post(`/api/v1/checkpoints/${created.body.id}/disable`, {}, system);
    expect(disabled.body.disabled).toBe(true);
    expect((await http.get('/api/v1/checkpoints', hangzhou)).body.items.map((c: { id: string }) => c.id)).not.toContain(
      created.body.id,
    );
    expect(
      (await http.get('/api/v1/checkpoints?includeDisabled=true', hangzhou)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toContain(created.body.id);
  });

  it('shows a device secret once, and rate-limits each device credential on its own', async () => {
    const admin = (await staffToken(t, 'region-admin', '3301')).token;
    const cp = await checkpointWithDevice(http, admin);
    expect(cp.device.secret).toHaveLength(43);
    expect(cp.device.authorization).toBe(`Device ${cp.device.id}.${cp.device.secret}`);
    const second = await http.post(`/api/v1/checkpoints/${cp.checkpoint.id}/devices`, { label: 'gate 2' }, admin);

    const resident = await ctx.newResident();
    const token = (await http.get('/api/v1/me/code', resident.token)).body.token as string;
    const send = (authorization: string) =>
      http.post(
        `/api/v1/checkpoints/${cp.checkpoint.id}/scans`,
        { token, clientScanId: scanId(), scannedAt: new Date().toISOString() },
        undefined,
        { authorization },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await send(cp.auth.authorization)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toContain(429);
    expect((await send(second.body.authorization)).status).toBe(200);
  });
});
