import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

describe('operations (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t, http } = ctx);
  });
  afterAll(() => ctx?.close());

  it('answers liveness and readiness', async () => {
    expect((await http.get('/api/health')).body).toEqual({ status: 'ok' });
    const ready = await http.get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'ok', redis: 'ok' });
  });

  it('serves the OpenAPI document with the resident contract', async () => {
    const doc = await http.get('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me/profile',
        '/api/v1/me/declarations',
        '/api/v1/me/check-ins',
        '/api/v1/me/code',
        '/api/v1/rules',
      ]),
    );
  });

  it('sends security headers and answers unknown routes with a 404 body people can read', async () => {
    const res = await http.get('/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('writes structured JSON logs with request ids and without personal data', async () => {
    const { token, idNumber, profile } = await ctx.newResident({ name: '欧阳测试', phone: '13700001234' });
    await http.get('/api/v1/me/code', token);
    await http.put('/api/v1/me/profile', { ...profile, idNumber: 'BAD' }, token);
    const lines = t.logs().trim().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => /^[0-9a-f-]{36}$/.test(JSON.parse(l).req?.id ?? ''))).toBe(true);
    const all = t.logs();
    for (const secret of [idNumber, '欧阳测试', '13700001234', token]) expect(all).not.toContain(secret);
  });
});

describe('start-up failures', () => {
  const main = join(__dirname, '../../dist/apps/api/src/main.js');
  const run = (env: Record<string, string>) =>
    spawnSync('node', [main, '--role=api'], {
      env: { PATH: process.env.PATH!, HC_MODE: 'test', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('names a bad variable in one line and exits non-zero', () => {
    const res = run({ PORT: 'abc' });
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('PORT');
  });

  it('says how to start an unreachable MySQL or Redis, without a stack trace', () => {
    const db = run({ DATABASE_URL: 'mysql://root@127.0.0.1:1/healthcode' });
    expect(db.status).toBe(1);
    expect(db.stderr).toMatch(/Cannot reach MySQL\/MariaDB .*start it with/);
    expect(db.stderr).not.toMatch(/\n\s+at /);
    const redis = run({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(redis.status).toBe(1);
    expect(redis.stderr).toMatch(/Cannot reach Redis .*start it with/);
  });
});
