import { addDays, cstDate } from '@healthcode/contracts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';

import { PII_REENCRYPT_JOB } from '../../src/modules/security/pii-reencryption.constant';
import { RETENTION_PURGE_JOB } from '../../src/modules/retention/retention-queue.constant';
import { dumpRedisPrefix } from '../utils/redis-dump';
import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { createTestWorker, type TestWorker } from '../utils/test-worker';

const NAME = '欧阳明月';
const PHONE = '13987654321';
const PHONE_TYPED = '+86 139-8765-4321';

/**
 * Seeds known personal values, runs the main flows through HTTP and the worker, then looks for those values
 * in everything the system wrote outside the encrypted columns: logs (API and worker), every Redis key and
 * value under the test's prefix (Bull jobs, rate limits), every SQL statement and parameter, every HTTP
 * response (errors included) and the QR tokens.
 */
describe('privacy: no ID number, phone or name in logs, Redis, SQL, responses or QR tokens (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let w: TestWorker;
  let http: E2eContext['http'];
  const sql: string[] = [];
  const responses: string[] = [];
  const tokens: string[] = [];
  const idNumber = validResidentId(777);
  const otherId = validResidentId(778);
  const original = MysqlQueryRunner.prototype.query;

  const call = async (method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown, token?: string) => {
    const res =
      method === 'get' || method === 'delete' ? await http[method](path, token) : await http[method](path, body, token);
    responses.push(`${method.toUpperCase()} ${path} ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  beforeAll(async () => {
    MysqlQueryRunner.prototype.query = function (
      this: MysqlQueryRunner,
      query: string,
      parameters?: unknown[],
      structured?: boolean,
    ) {
      const params = (parameters ?? []).map((p) => (Buffer.isBuffer(p) ? p.toString('utf8') : p));
      sql.push(`${query} ${JSON.stringify(params)}`);
      return original.call(this, query, parameters, structured as never);
    } as typeof original;
    ctx = await E2eContext.create();
    ({ t, http } = ctx);
    w = await createTestWorker(t.config, t.clock);
  });
  afterAll(async () => {
    MysqlQueryRunner.prototype.query = original;
    await w?.close();
    await ctx?.close();
  });

  it('runs the main flows', async () => {
    // Resident: sign-up (one refused attempt first), declaration, check-in, code, history, access log, retention.
    const token = (await call('post', '/api/v1/auth/host-login', { provider: 'dev', code: 'dev-privacy-test' })).body
      .accessToken;
    const profile = {
      consentVersion: CONSENT_VERSION,
      name: NAME,
      idType: 'resident-id',
      idNumber,
      phone: PHONE_TYPED,
      homeRegion: '330106',
    };
    expect(
      (
        await call(
          'put',
          '/api/v1/me/profile',
          { ...profile, idNumber: `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}` },
          token,
        )
      ).status,
    ).toBe(400);
    expect((await call('put', '/api/v1/me/profile', { ...profile, phone: `${PHONE}99` }, token)).status).toBe(400);
    expect((await call('put', '/api/v1/me/profile', profile, token)).status).toBe(200);
    // Identity proofing: refused before the dev host knows the number, then certified and verified.
    expect((await call('post', '/api/v1/me/verification', { method: 'dev' }, token)).status).toBe(422);
    const certification = { user: 'privacy-test', idType: 'resident-id', idNumber };
    expect((await call('post', '/api/v1/dev-host/certifications', certification)).status).toBe(204);
    expect((await call('post', '/api/v1/me/verification', { method: 'dev' }, token)).status).toBe(200);
    const today = cstDate(t.clock.now());
    await call(
      'post',
      '/api/v1/me/declarations',
      {
        currentRegion: '330106',
        stays: [{ region: '420103', from: addDays(today, -5), to: addDays(today, -3) }],
        symptoms: [{ symptom: 'fever', onset: today }],
        contact: null,
      },
      token,
    );
    await call('post', '/api/v1/me/check-ins', { healthy: false, temperature: 38.1, symptoms: ['cough'] }, token);
    const code = await call('get', '/api/v1/me/code', undefined, token);
    if (code.status !== 200) throw new Error(JSON.stringify(responses.slice(-6)));
    tokens.push(code.body.token);
    for (const path of [
      '/api/v1/me/profile',
      '/api/v1/me/code/history',
      '/api/v1/me/access-log',
      '/api/v1/me/retention',
      '/api/v1/me/scans',
      '/api/v1/me/appeals',
    ])
      await call('get', path, undefined, token);

    // Staff: login, lookups that succeed, miss and are refused, the audit log.
    const agent = await ctx.newStaff('hotline-agent', '33');
    const login = await call('post', '/api/v1/staff/login', { username: agent.username, password: agent.password });
    const staffToken = login.body.accessToken;
    const purpose = { kind: 'hotline-call', callRef: 'HC-77' };
    expect((await call('post', '/api/v1/staff/lookup', { idNumber, purpose }, staffToken)).status).toBe(200);
    expect((await call('post', '/api/v1/staff/lookup', { phone: PHONE_TYPED, purpose }, staffToken)).status).toBe(200);
    expect((await call('post', '/api/v1/staff/lookup', { idNumber: otherId, purpose }, staffToken)).status).toBe(404);
    expect(
      (await call('post', '/api/v1/staff/lookup', { idNumber, purpose: { kind: 'chat' } }, staffToken)).status,
    ).toBe(400);
    expect((await call('post', '/api/v1/staff/lookup', { idNumber: `${idNumber}0`, purpose }, staffToken)).status).toBe(
      400,
    );
    expect(
      (
        await call(
          'post',
          '/api/v1/staff/lookup',
          { idNumber, purpose },
          (await ctx.newStaff('hotline-agent', '11')).token,
        )
      ).status,
    ).toBe(404); // outside the scope: the same answer as no match
    // An appeal and its decision: deadline jobs and a notification job to the resident.
    const reason = code.body.reasons.find((r: { suppressed?: boolean }) => !r.suppressed);
    const filed = await call(
      'post',
      '/api/v1/me/appeals',
      {
        ruleId: reason.ruleId,
        factKind: reason.fact.kind,
        category: 'symptoms-resolved',
        statement: 'My fever is gone.',
      },
      token,
    );
    expect(filed.status).toBe(201);
    const appealPath = `/api/v1/appeals/${filed.body.number}`;
    const assigned = await ctx.newStaff('hotline-agent', '');
    for (const actor of [agent.token, assigned.token]) {
      await call('post', `${appealPath}/review`, {}, actor);
      await call(
        'post',
        `${appealPath}/decision`,
        { outcome: 'rejected', reason: 'The declared fever started today; the rule counts seven healthy days.' },
        actor,
      );
    }
    await call('get', '/api/v1/me/notifications', undefined, token);
    const auditor = await ctx.newStaff('auditor', '');
    await call('get', '/api/v1/audit', undefined, auditor.token);
    await call('get', '/api/v1/audit/verify', undefined, auditor.token);
    // Wrong field types carrying the values.
    await call('post', '/api/v1/me/declarations', { currentRegion: idNumber, stays: PHONE, symptoms: NAME }, token);
    await call('post', '/api/v1/staff/login', { username: idNumber, password: PHONE });

    // Worker: a re-encryption pass and a purge once the declarations have expired.
    await w.run(PII_REENCRYPT_JOB, { keyId: t.config.pii.currentKeyId });
    t.clock.advanceDays(61);
    await w.run(RETENTION_PURGE_JOB);
    await call('get', '/api/v1/me/code', undefined, token);

    // Erasure.
    expect((await call('delete', '/api/v1/me', undefined, token)).status).toBe(200);
  });

  describe('then finds none of the values', () => {
    const secrets = () => [idNumber, idNumber.toLowerCase(), idNumber.slice(0, 17), PHONE, PHONE_TYPED, NAME];
    const expectClean = (where: string, text: string) => {
      for (const secret of secrets()) {
        if (text.includes(secret))
          throw new Error(
            `${where} contains a personal value (${secret.length} characters) ${
              process.env.PRIVACY_DEBUG
                ? text
                    .split('\n')
                    .filter((l) => l.includes(secret))
                    .join('\n')
                : ''
            }`,
          );
      }
    };

    it('in the API and worker logs', () => {
      expect(t.logs().length).toBeGreaterThan(1000);
      expectClean('API logs', t.logs());
      expectClean('worker logs', w.logs());
    });

    it('in any Redis key or value under the prefix (Bull jobs, rate limits)', async () => {
      const dump = await dumpRedisPrefix(t.config.redis.url, t.config.redis.queuePrefix);
      for (const queue of [':maintenance:', ':appeals:', ':notifications:', ':rl:'])
        expect(dump.keys.some((k) => k.includes(queue))).toBe(true);
      expectClean('Redis', dump.text);
    });

    it('in any SQL statement or parameter', () => {
      expect(sql.length).toBeGreaterThan(100);
      expectClean('SQL', sql.join('\n'));
    });

    it('in any HTTP response, including errors', () => {
      expect(responses.filter((r) => / 4\d\d /.test(r)).length).toBeGreaterThanOrEqual(7);
      expectClean('responses', responses.join('\n'));
    });

    it('in the QR tokens, which carry only a random code id, the colour and times', () => {
      for (const token of tokens) {
        expectClean('QR token', JSON.stringify([decodeProtectedHeader(token), decodeJwt(token)]));
        expect(Object.keys(decodeJwt(token)).sort()).toEqual(['cid', 'col', 'cv', 'exp', 'iat', 'iss', 'rsv']);
      }
    });
  });
});
