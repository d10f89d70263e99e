import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Queue } from 'bull';
import { DataSource } from 'typeorm';

import { loadOrCreateDevKeys } from '../../src/config/dev-keys.util';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { PII_REENCRYPT_JOB, reencryptJobId } from '../../src/modules/security/pii-reencryption.constant';
import type { ReencryptionReport } from '../../src/modules/security/pii-reencryption.service';
import { E2eContext } from '../utils/e2e-context';
import { type TestApp, testConfig } from '../utils/test-app';
import { createTestWorker, type TestWorker } from '../utils/test-worker';

const key = () => randomBytes(32).toString('base64');

async function finished<T>(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job) return (await job.finished()) as T;
    if (Date.now() > deadline) throw new Error(`job ${jobId} never appeared`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('key rotation (e2e)', () => {
  const k1 = key();
  const k2 = key();
  const shared = { PII_HMAC_KEY: key(), SESSION_SECRET: key(), QUEUE_PREFIX: `{hct${randomBytes(4).toString('hex')}}` };
  let ctx: E2eContext;
  let t: TestApp;
  let w: TestWorker | undefined;
  let db: DataSource;

  beforeAll(async () => {
    ctx = await E2eContext.create({
      env: { ...shared, PII_ENCRYPTION_KEYS: JSON.stringify({ k1 }), PII_KEY_ID: 'k1' },
    });
    ({ t, db } = ctx);
  });
  afterAll(async () => {
    await w?.close();
    await ctx?.close();
  });

  it('re-encrypts every resident and TOTP secret under the new PII key in a resumable background job', async () => {
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await ctx.newResident({ name: `轮换${i}`, phone: `1390000000${i}` }));
    const admin = await ctx.newStaff('region-admin', '33');
    const sealed = await db.query(
      'SELECT id, pii_key_id, name_enc FROM residents WHERE consent_version IS NOT NULL ORDER BY id',
    );
    expect(
      sealed.every(
        (r: { pii_key_id: string; name_enc: string }) => r.pii_key_id === 'k1' && r.name_enc.startsWith('k1:'),
      ),
    ).toBe(true);

    // Processes restart with both keys, k2 current. One row was already moved by an earlier, interrupted run;
    // another is sealed under a key that has since been removed.
    const config = await testConfig(t.databaseUrl, {
      ...shared,
      PII_ENCRYPTION_KEYS: JSON.stringify({ k1, k2 }),
      PII_KEY_ID: 'k2',
    });
    const before = new PiiCryptoService(config);
    const moved = sealed[0];
    await db.query('UPDATE residents SET pii_key_id = ?, name_enc = ? WHERE id = ?', [
      'k2',
      before.encrypt(before.decrypt(moved.name_enc), 'k2'),
      moved.id,
    ]);
    const gone = sealed[1];
    await db.query(
      "UPDATE residents SET pii_key_id = 'k0', name_enc = CONCAT('k0:', SUBSTRING(name_enc, 4)) WHERE id = ?",
      [gone.id],
    );

    // The first worker to start under k2 enqueues the run by itself.
    w = await createTestWorker(config, t.clock);
    const report = await finished<ReencryptionReport>(w.maintenance, reencryptJobId('k2'));
    expect(report).toEqual({ keyId: 'k2', residents: 2, staffSecrets: 1, unreadable: 1 });

    const crypto = w.app.get(PiiCryptoService);
    const after = await db.query(
      'SELECT id, pii_key_id, name_enc, id_enc, phone_enc FROM residents WHERE consent_version IS NOT NULL ORDER BY id',
    );
    const byId = new Map(after.map((r: { id: Buffer }) => [r.id.toString('hex'), r]));
    for (const [i, person] of people.entries()) {
      const row = after.find(
        (r: { name_enc: string }) => r.name_enc.startsWith('k2:') && crypto.decrypt(r.name_enc) === `轮换${i}`,
      );
      if (!row) continue; // the unreadable one
      expect(row.pii_key_id).toBe('k2');
      expect(crypto.decrypt(row.id_enc)).toBe(person.idNumber);
      expect(crypto.decrypt(row.phone_enc)).toBe(`1390000000${i}`);
    }
    expect(after.filter((r: { pii_key_id: string }) => r.pii_key_id === 'k2')).toHaveLength(3);
    expect((byId.get(gone.id.toString('hex')) as { pii_key_id: string }).pii_key_id).toBe('k0');
    const [staff] = await db.query('SELECT totp_secret_enc FROM staff WHERE id = UNHEX(REPLACE(?, "-", ""))', [
      admin.id,
    ]);
    expect(staff.totp_secret_enc.startsWith('k2:')).toBe(true);
    expect(crypto.decrypt(staff.totp_secret_enc)).toBe(admin.totpSecret);
    expect((await db.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'pii.reencrypted'"))[0].n).toBe('1');

    // A second run (as `npm run keys:reencrypt` queues) finds nothing left to move.
    expect(await w.run<ReencryptionReport>(PII_REENCRYPT_JOB, { keyId: 'k2' })).toEqual({
      keyId: 'k2',
      residents: 0,
      staffSecrets: 0,
      unreadable: 1,
    });
  });

  describe('`npm run keys:rotate` (QR signing keys)', () => {
    const cli = join(__dirname, '../../dist/apps/api/src/cli/keys-rotate.js');
    const run = (env: Record<string, string>) =>
      spawnSync('node', [cli], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8', timeout: 20_000 });
    beforeAll(() => {
      if (!existsSync(cli))
        throw new Error('build the API first (npx tsc -p tsconfig.app.json): the CLI runs from dist');
    });

    it('updates the demo keys file: a new current key, the old one kept as previous', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'hc-rotate-')), 'dev-keys.json');
      const { keys } = await loadOrCreateDevKeys(file);
      const res = run({ HC_MODE: 'demo', DEV_KEYS_FILE: file });
      expect(res.status).toBe(0);
      const rotated = JSON.parse(readFileSync(file, 'utf8'));
      expect(rotated.qr.previous.kid).toBe(keys.qr.current.kid);
      expect(res.stdout).toContain(rotated.qr.current.kid);
    });

    it('prints the new QR_SIGNING_KEYS value in production and changes no file', async () => {
      const { keys } = await loadOrCreateDevKeys(null);
      const res = run({ HC_MODE: 'production', QR_SIGNING_KEYS: JSON.stringify(keys.qr) });
      expect(res.status).toBe(0);
      const value = JSON.parse(
        res.stdout
          .trim()
          .replace(/^QR_SIGNING_KEYS='/, '')
          .replace(/'$/, ''),
      );
      expect(value.previous.kid).toBe(keys.qr.current.kid);
      // A fresh private key: new key id and new private scalar, not the old key under a new name.
      expect(value.current.kid).not.toBe(keys.qr.current.kid);
      expect(value.current.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(value.current.d).not.toBe(keys.qr.current.d);
      expect(run({ HC_MODE: 'production' }).status).toBe(1);
    });
  });
});
