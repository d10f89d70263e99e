import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { addDays, cstDate } from '@healthcode/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { createHttpApp } from '../../src/bootstrap/http-app';
import type { AppConfig } from '../../src/config/app-config';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { HMAC_COLUMNS, kidColumn } from '../../src/modules/hmac-keys/hmac-columns.constant';
import { HmacRotationService } from '../../src/modules/hmac-keys/hmac-rotation.service';
import { httpClient } from '../utils/http-client';
import { newResident, validResidentId } from '../utils/resident.factory';
import { newStaff } from '../utils/staff.factory';
import { createTestApp, type TestApp, testConfig } from '../utils/test-app';

const key = () => randomBytes(32).toString('base64');

/**
 * PII_HMAC_KEY rotation, online: data written under key version 1 (residents, verified identities, authority facts,
 * dev host certifications); then the API restarts knowing version 2 and `hmac:rotate` moves every HMAC while
 * sign-ups, logins, imports and racing claims of one ID number go on. Afterwards no row is left under version 1 and
 * every match still works: ID binding (its unique key), authority facts (old and re-sent), host login, lookup.
 */
describe('PII_HMAC_KEY rotation (e2e)', () => {
  const shared = {
    PII_HMAC_KEY: key(),
    SESSION_SECRET: key(),
    PII_ENCRYPTION_KEYS: JSON.stringify({ k1: key() }),
    PII_KEY_ID: 'k1',
    LOG_LEVEL: 'warn',
  };
  const k2 = key();
  const today = cstDate(new Date());
  let t1: TestApp;
  let app2: NestFastifyApplication;
  let config2: AppConfig;
  let db: DataSource;
  let http1: ReturnType<typeof httpClient>;
  let http2: ReturnType<typeof httpClient>;
  let base2: string;

  /** Stages the cases file as `token`; a second administrator (`approver`) applies it. */
  const upload = async (baseUrl: string, token: string, csv: string, approver = secondAdmin) => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'cases.csv');
    const staged = await fetch(`${baseUrl}/api/v1/admin/imports?kind=cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const { id } = (await staged.json()) as { id: string };
    const res = await fetch(`${baseUrl}/api/v1/admin/imports/${id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${approver}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  let secondAdmin = '';
  const older = async () => {
    const out: Record<string, number> = {};
    for (const c of HMAC_COLUMNS) {
      const [{ n }] = await db.query(
        `SELECT COUNT(*) AS n FROM \`${c.table}\` WHERE \`${kidColumn(c)}\` <> 2 AND \`${c.column}\` IS NOT NULL`,
      );
      out[`${c.table}.${c.column}`] = Number(n);
    }
    return out;
  };

  beforeAll(async () => {
    t1 = await createTestApp({ env: shared });
    db = t1.app.get(DataSource);
    http1 = httpClient(t1.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await app2?.close();
    await t1?.close();
  });

  it('moves every HMAC to the new key while sign-ups, logins and imports go on, and every match still works', async () => {
    // Version 1: a verified resident A with a case, a fact for a number nobody registered yet, a phone to look up.
    const admin = await newStaff(t1, 'system-admin', '');
    secondAdmin = (await newStaff(t1, 'system-admin', '')).token;
    const agent = await newStaff(t1, 'hotline-agent', '33');
    const a = await newResident(http1, { phone: '13900001111' });
    const unclaimed = validResidentId();
    const header = 'id_number,date,status,cleared_date,region';
    const caseRow = `${a.idNumber},${addDays(today, -3)},confirmed,,330106`;
    const first = await upload(
      t1.baseUrl,
      admin.token,
      `${header}\n${caseRow}\n${unclaimed},${addDays(today, -2)},confirmed,,330106\n`,
    );
    expect(first.body).toMatchObject({ rowsImported: 2, rowsFailed: 0 });
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await newResident(http1));
    const v1 = await older();
    expect(v1['residents.id_hmac']).toBeGreaterThanOrEqual(7);
    expect(v1['authority_facts.id_hmac']).toBe(2);
    expect(v1['dev_host_identities.host_key']).toBeGreaterThanOrEqual(7);
    const facts = Number((await db.query('SELECT COUNT(*) AS n FROM authority_facts'))[0].n);

    // The API restarts knowing version 2 (current) and still matching version 1.
    config2 = await testConfig(t1.databaseUrl, {
      ...shared,
      QUEUE_PREFIX: t1.config.redis.queuePrefix,
      PII_HMAC_LAYER_KEYS: JSON.stringify({ 2: k2 }),
    });
    expect(config2.pii.hmacKeyId).toBe(2);
    expect(config2.pii.hmacPreviousKeyId).toBe(1);
    const logs = new PassThrough();
    logs.on('data', (c: Buffer) => {
      if (process.env.HMAC_ROTATION_LOGS) process.stderr.write(c);
    });
    app2 = await createHttpApp(config2, { logDestination: logs, clock: t1.clock });
    await app2.listen({ port: 0, host: '127.0.0.1' });
    base2 = `http://127.0.0.1:${(app2.getHttpServer().address() as { port: number }).port}`;
    http2 = httpClient(base2);
    const rotation = app2.get(HmacRotationService);

    // The rotation, in small batches, while the traffic goes on.
    const claimers = await Promise.all([0, 1, 2, 3, 4].map(() => newResident(http2, {}, { verified: false })));
    const [report, claims, relogin, joiner, reimport, fresh] = await Promise.all([
      rotation.rotate({ batchSize: 2 }),
      // Five accounts race to bind A's number (stored under version 1 when they start): none may win.
      Promise.all(
        claimers.map((c) => http2.put('/api/v1/me/profile', { ...c.profile, idNumber: a.idNumber }, c.token)),
      ),
      http2.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${a.hostUser}` }),
      // Someone signs up with the number the authority reported before the rotation: their code goes red.
      newResident(http2, { idNumber: unclaimed }),
      // The feed sends A's case again: the fact on file is found (its key moved with the HMAC), not duplicated.
      upload(base2, admin.token, `${header}\n${caseRow}\n`),
      Promise.all([0, 1, 2].map(() => newResident(http2))),
    ]);
    expect(claims.map((c) => c.status)).toEqual([409, 409, 409, 409, 409]);
    expect(relogin.status).toBe(200);
    expect(reimport.body).toMatchObject({ rowsImported: 0, rowsDuplicate: 1 });

    // A second pass, by the command an operator runs, finds nothing left; no row is under version 1.
    const cli = join(__dirname, '../../dist/apps/api/src/cli/hmac-rotate.js');
    if (!existsSync(cli)) throw new Error('build the API first (npx tsc -p tsconfig.app.json): the CLI runs from dist');
    const run = spawnSync('node', [cli, '--batch=50'], {
      env: {
        PATH: process.env.PATH!,
        ...shared,
        HC_MODE: 'test',
        DATABASE_URL: t1.databaseUrl,
        QUEUE_PREFIX: t1.config.redis.queuePrefix,
        PII_HMAC_LAYER_KEYS: JSON.stringify({ 2: k2 }),
        DEV_KEYS_FILE: join(mkdtempSync(join(tmpdir(), 'hc-hmac-')), 'dev-keys.json'),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /hmac:rotate: key version 2; moved 0 rows in 0 batches; nothing left under older versions/,
    );
    expect(Object.values(await older()).every((n) => n === 0)).toBe(true);
    expect(report.moved).toBeGreaterThan(0);

    const crypto = app2.get(PiiCryptoService);
    const h2 = crypto.hmac('id', `resident-id:${a.idNumber}`);
    // One holder of A's number, under version 2; nothing holds it under version 1.
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM residents WHERE id_hmac = ?', [h2]))[0].n)).toBe(1);
    const h1 = crypto.hmacAt(1, 'id', `resident-id:${a.idNumber}`);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM residents WHERE id_hmac = ?', [h1]))[0].n)).toBe(0);
    // Still the unique key: binding A's number now is refused.
    const late = await newResident(http2, {}, { verified: false });
    expect((await http2.put('/api/v1/me/profile', { ...late.profile, idNumber: a.idNumber }, late.token)).status).toBe(
      409,
    );

    // Facts: none duplicated; A still red when re-scored from the facts; the new holder of the unclaimed number red.
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM authority_facts'))[0].n)).toBe(facts);
    await app2.get(CodeService).rescoreOne(await residentIdOf(db, h2), 'authority-import', 'hmac-rotation-check');
    expect((await http2.get('/api/v1/me/code', a.token)).body.color).toBe('red');
    expect((await http2.get('/api/v1/me/code', joiner.token)).body.color).toBe('red');

    // Host login: A's host user reaches A's account (same id as before), no second account.
    const [{ id: aId }] = await db.query('SELECT id FROM residents WHERE id_hmac = ?', [h2]);
    const again2 = await http2.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${a.hostUser}` });
    expect((await http2.get('/api/v1/me/code', again2.body.accessToken)).status).toBe(200);
    const hostKey = crypto.hmac('host', `dev:${a.hostUser}`);
    const byHost = await db.query('SELECT id FROM residents WHERE host_key = ?', [hostKey]);
    expect(byHost).toHaveLength(1);
    expect(Buffer.compare(byHost[0].id, aId)).toBe(0);

    // Lookup by ID number and by phone, both under version 2 only now.
    const purpose = { kind: 'hotline-call', callRef: 'HC-ROT-1' };
    const byId = await http2.post('/api/v1/staff/lookup', { idNumber: a.idNumber, purpose }, agent.token);
    expect(byId.status).toBe(200);
    expect(byId.body.items).toHaveLength(1);
    const byPhone = await http2.post('/api/v1/staff/lookup', { phone: '13900001111', purpose }, agent.token);
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.items).toHaveLength(1);
    // Everyone signed up before and during the rotation can still be found.
    for (const p of [...people, ...fresh])
      expect((await http2.post('/api/v1/staff/lookup', { idNumber: p.idNumber, purpose }, agent.token)).status).toBe(
        200,
      );
  }, 180_000);
});

async function residentIdOf(db: DataSource, idHmac: Buffer): Promise<string> {
  const [{ id }] = await db.query('SELECT LOWER(HEX(id)) AS id FROM residents WHERE id_hmac = ?', [idHmac]);
  const h = String(id);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
