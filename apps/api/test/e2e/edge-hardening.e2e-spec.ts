import { httpClient } from '../utils/http-client';
import { newResident } from '../utils/resident.factory';
import { newStaff } from '../utils/staff.factory';
import { createTestApp, type TestApp } from '../utils/test-app';

/** Network edge and responses (issue #15): proxies, caching, form bodies, what production exposes. */
describe('edge hardening (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof httpClient>;
  /** Production-like: documents and dashboard off, a low login limit. No TRUSTED_PROXIES in either: the default. */
  let strict: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    http = httpClient(t.baseUrl);
    strict = await createTestApp({
      env: { RATE_LIMIT_HOST_LOGIN_PER_MINUTE: '5', OPENAPI_ENABLED: 'false', QUEUE_BOARD_ENABLED: 'false' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await strict?.close();
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy: spoofing does not escape the per-IP limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await httpClient(strict.baseUrl).post(
        '/api/v1/auth/host-login',
        { provider: 'dev', code: `dev-spoof-${i}` },
        undefined,
        {
          'x-forwarded-for': `198.51.100.${i + 1}`,
        },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it('marks every personal response, errors included, Cache-Control: no-store', async () => {
    const resident = await newResident(http);
    const agent = await newStaff(t, 'hotline-agent', '33');
    const responses = [
      await http.get('/api/v1/me/profile', resident.token),
      await http.get('/api/v1/me/code', resident.token),
      await http.get('/api/v1/me/access-log', resident.token),
      await http.get('/api/v1/me/profile'),
      await http.get('/api/v1/staff/me', agent.token),
      await http.post(
        '/api/v1/staff/lookup',
        { idNumber: resident.idNumber, purpose: { kind: 'hotline-call', callRef: 'CALL-1' } },
        agent.token,
      ),
      await http.post('/api/v1/staff/login', { username: 'nobody-here', password: 'wrong wrong wrong' }),
    ];
    for (const res of responses) expect(res.headers.get('cache-control')).toBe('no-store');
    // A public document that may be cached keeps its own policy.
    expect((await http.get('/.well-known/jwks.json')).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('refuses form bodies (url-encoded, multipart) where JSON is expected, before anything acts on them', async () => {
    const agent = await newStaff(t, 'hotline-agent', '33');
    const resident = await newResident(http);
    const urlEncoded = await fetch(`${t.baseUrl}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=${agent.username}&password=${encodeURIComponent(agent.password)}`,
    });
    expect(urlEncoded.status).toBe(415);
    expect(((await urlEncoded.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const form = new FormData();
    form.set('name', 'x');
    const multipart = await fetch(`${t.baseUrl}/api/v1/me/profile`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${resident.token}` },
      body: form,
    });
    expect(multipart.status).toBe(415);

    // A route that reads no body at all does not act on a form post either.
    const logout = await fetch(`${t.baseUrl}/api/v1/staff/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(logout.status).toBe(415);
    expect((await http.get('/api/v1/staff/me', agent.token)).status).toBe(200);
  });

  it('serves no OpenAPI document and no queue dashboard when they are switched off (the production default)', async () => {
    const client = httpClient(strict.baseUrl);
    for (const path of ['/api/docs', '/api/docs/openapi.json', '/api/docs-yaml', '/api/admin/queues'])
      expect({ path, status: (await client.get(path)).status }).toEqual({ path, status: 404 });
    const admin = await newStaff(strict, 'system-admin', '');
    const ticket = await client.post('/api/v1/admin/queues/session', undefined, admin.token);
    expect(ticket.status).toBe(404);
    expect(ticket.body.message).toContain('QUEUE_BOARD_ENABLED');
    // The test app (like demo mode) has them on.
    expect((await http.get('/api/docs/openapi.json')).status).toBe(200);
  });
});
