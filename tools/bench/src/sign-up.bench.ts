import { residentIdCheckDigit } from '@healthcode/contracts';

import { startApi } from './harness/api-process.util';
import { measureBareFastify } from './harness/bare-fastify.util';
import { load } from './harness/load.util';
import { withCpu } from './harness/process-cpu.util';
import { envNumber, report } from './harness/report.util';

/** A distinct valid resident ID per index: Xihu district, birth dates from 1950 on, 1,000 serials a day. */
function residentId(i: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const first17 = `330106${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

/**
 * Sign-up as the mini-program does it: host login (dev provider), then `PUT /api/v1/me/profile` with consent,
 * which encrypts and HMACs the personal fields and evaluates the first code. Both steps are measured.
 */
async function main(): Promise<void> {
  const count = envNumber('BENCH_SIGNUPS', 10000);
  const connections = envNumber('BENCH_CONNECTIONS', 64);

  const baseline = await measureBareFastify(envNumber('BENCH_BASELINE_SECONDS', 10), connections);
  const api = await startApi();
  try {
    const tokens: string[] = [];
    let l = 0;
    const login = await withCpu(api.pid, () =>
      load(`POST /auth/host-login (dev provider), ${count} residents`, {
        url: api.base,
        connections,
        amount: count,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/auth/host-login',
            setupRequest: (req) => ({
              ...req,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ provider: 'dev', code: `dev-bench-${l++}` }),
            }),
            onResponse: (status, body) => {
              if (status === 200) tokens.push(JSON.parse(body).accessToken as string);
            },
          },
        ],
      }),
    );
    let s = 0;
    const signUp = await withCpu(api.pid, () =>
      load(`PUT /me/profile (sign-up), ${tokens.length} residents`, {
        url: api.base,
        connections,
        amount: tokens.length,
        requests: [
          {
            method: 'PUT',
            path: '/api/v1/me/profile',
            setupRequest: (req) => {
              const i = s++;
              return {
                ...req,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
                body: JSON.stringify({
                  consentVersion: '2026-11-v1',
                  name: '张三',
                  idType: 'resident-id',
                  idNumber: residentId(i),
                  phone: `138${String(i).padStart(8, '0')}`,
                  homeRegion: '330106',
                }),
              };
            },
          },
        ],
      }),
    );
    const [[codes]] = (await api.db.query('SELECT COUNT(*) AS n FROM resident_codes')) as unknown as [{ n: number }[]];
    report('Sign-up', baseline, [login, signUp], {
      'codes evaluated (one per sign-up)': Number(codes.n),
      'target (≥ 1,000 sign-ups/s, p99 ≤ 100 ms)': signUp.perSecond >= 1000 && signUp.p99 <= 100 ? 'met' : 'not met',
      'target (≥ 2,000 host logins/s)': login.perSecond >= 2000 ? 'met' : 'not met',
    });
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
