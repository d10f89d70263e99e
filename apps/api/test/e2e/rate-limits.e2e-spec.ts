import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';
import { E2eContext } from '../utils/e2e-context';

describe('rate limits on resident login, sign-up and scans (e2e)', () => {
  let ctx: E2eContext;
  let http: E2eContext['http'];
  const profile = () => ({
    consentVersion: CONSENT_VERSION,
    name: '限流',
    idType: 'resident-id',
    idNumber: validResidentId(),
    phone: '13800000000',
    homeRegion: '330106',
  });
  const hostLogin = (code: string, ip: string) =>
    http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${code}` }, undefined, {
      'x-forwarded-for': ip,
    });

  beforeAll(async () => {
    ctx = await E2eContext.create({
      env: {
        // The tests stand in for a proxy on loopback that sets X-Forwarded-For.
        TRUSTED_PROXIES: '127.0.0.1',
        RATE_LIMIT_HOST_LOGIN_PER_MINUTE: '5',
        RATE_LIMIT_SIGNUP_PER_MINUTE: '3',
        RATE_LIMIT_SCAN_PER_MINUTE: '4',
      },
    });
    ({ http } = ctx);
  });
  afterAll(() => ctx?.close());

  it('limits resident logins per client address, answering 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await hostLogin(`limit${i}`, '192.0.2.10')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await hostLogin('limit-x', '192.0.2.10');
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await hostLogin('limit-y', '192.0.2.11')).status).toBe(200);
  });

  it('limits sign-up (profile writes) per resident, not per address', async () => {
    const a = (await hostLogin('signup-a', '192.0.2.20')).body.accessToken;
    const b = (await hostLogin('signup-b', '192.0.2.20')).body.accessToken;
    const statuses: number[] = [];
    // The same ID number each time: a new one would end the session (an ID change revokes every session).
    const mine = profile();
    for (let i = 0; i < 4; i++) statuses.push((await http.put('/api/v1/me/profile', mine, a)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await http.put('/api/v1/me/profile', profile(), b)).status).toBe(200);
    expect((await http.get('/api/v1/me/profile', a)).status).toBe(200);
  });

  it('limits scans per device credential', async () => {
    const admin = await ctx.newStaff('system-admin', '');
    const checkpoint = await http.post(
      '/api/v1/checkpoints',
      { name: 'Gate', kind: 'metro', region: '330106', place: 'Exit A', admits: ['green'] },
      admin.token,
    );
    const device = async () =>
      (await http.post(`/api/v1/checkpoints/${checkpoint.body.id}/devices`, { label: 'lane' }, admin.token)).body
        .authorization as string;
    const [one, two] = [await device(), await device()];
    const scan = (auth: string) =>
      http.post(`/api/v1/checkpoints/${checkpoint.body.id}/scans`, { token: 'not-a-token' }, undefined, {
        authorization: auth,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await scan(one)).status);
    expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
    expect(statuses[4]).toBe(429);
    expect((await scan(two)).status).not.toBe(429);
  });
});
