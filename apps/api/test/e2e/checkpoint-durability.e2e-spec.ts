import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { importSigningKey, type JWK, KeyRing } from '@healthcode/qr-token';
import type { DataSource } from 'typeorm';

import { createDataSource } from '../../src/database/data-source.util';
import { newId, uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { hashDeviceSecret } from '../../src/modules/checkpoint/device-secret.util';
import { deleteRedisPrefix } from '../utils/redis-cleanup';
import { createTestDatabase, testConfig } from '../utils/test-app';

const MAIN = join(__dirname, '../../dist/apps/api/src/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Crash safety with the real build: the API runs as a child process, is SIGKILLed in the middle of a scan
 * load, and every scan it acknowledged must be in the table. After a restart the devices retry everything
 * (acknowledged or not), and each clientScanId is stored exactly once.
 */
describe('scans survive a killed API process (e2e, built API as a child process)', () => {
  let db: DataSource;
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  let child: ChildProcess | null = null;
  let base: string;
  const checkpointId = newId();
  const credentialId = newId();
  const secret = randomBytes(32).toString('base64url');
  const tokens: string[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`Build the API first (npm run build -w @healthcode/api): ${MAIN} is missing`);
    const scratch = await createTestDatabase();
    drop = scratch.drop;
    const config = await testConfig(scratch.url);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      PATH: process.env.PATH ?? '',
      HC_MODE: 'test',
      PORT: String(port),
      DATABASE_URL: scratch.url,
      QUEUE_PREFIX: config.redis.queuePrefix,
      LOG_LEVEL: 'warn',
      QR_SIGNING_KEYS: JSON.stringify(config.qrKeys),
      PII_ENCRYPTION_KEYS: JSON.stringify(
        Object.fromEntries(Object.entries(config.pii.keys).map(([id, k]) => [id, k.toString('base64')])),
      ),
      PII_KEY_ID: config.pii.currentKeyId,
      PII_HMAC_KEY: config.pii.hmacKey.toString('base64'),
      SESSION_SECRET: config.sessionSecret.toString('base64'),
      RATE_LIMIT_SCAN_PER_MINUTE: '1000000',
    };
    db = createDataSource(scratch.url, 2);
    await db.initialize();
    const now = new Date();
    await db.query(
      'INSERT INTO checkpoints (id, name, kind, region, place, admits, disabled, created_by, created_at) VALUES (?,?,?,?,?,?,0,NULL,?)',
      [uuidToBuffer(checkpointId), 'Metro gate', 'metro', '330106', 'Exit A', JSON.stringify(['green']), now],
    );
    await db.query(
      'INSERT INTO checkpoint_devices (id, checkpoint_id, label, secret_hash, created_by, created_at, revoked_at) VALUES (?,?,?,?,NULL,?,NULL)',
      [uuidToBuffer(credentialId), uuidToBuffer(checkpointId), 'gate', hashDeviceSecret(secret), now],
    );
    // Codes of 20 residents, stored as the code service stores them, and tokens signed with the API's own key.
    const ring = KeyRing.of(await importSigningKey(config.qrKeys.current as JWK));
    for (let i = 0; i < 20; i++) {
      const residentId = uuidToBuffer(newId());
      const codeId = randomBytes(16).toString('base64url');
      await db.query(
        `INSERT INTO resident_codes (resident_id, color, reasons, green_at, green_when, steps, rule_set_version, code_id, code_version, color_changed_at, region, evaluated_at, stale_at)
         VALUES (?, 'green', '[]', NULL, NULL, '[]', 1, ?, 1, ?, '330106', ?, NULL)`,
        [residentId, codeId, now, now],
      );
      // Each token's random id, linked to its resident as the code signer links it.
      const tokenId = randomBytes(16).toString('base64url');
      await db.query('INSERT INTO code_tokens (token_id, resident_id, expires_at) VALUES (?,?,?)', [
        tokenId,
        residentId,
        new Date(now.getTime() + 3_600_000),
      ]);
      tokens.push(await ring.sign({ cid: tokenId, col: 'green', rsv: 1, cv: 1 }));
    }
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.destroy();
    await drop?.();
    if (env) await deleteRedisPrefix('redis://127.0.0.1:6379', env.QUEUE_PREFIX);
  });

  async function start(): Promise<void> {
    child = spawn('node', [MAIN, '--role=api'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`API exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`API did not start: ${stderr}`);
  }

  const send = (clientScanId: string, i: number) =>
    fetch(`${base}/api/v1/checkpoints/${checkpointId}/scans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Device ${credentialId}.${secret}` },
      body: JSON.stringify({ token: tokens[i % tokens.length], clientScanId, scannedAt: new Date().toISOString() }),
    });

  const stored = async (): Promise<string[]> =>
    (
      await db.query('SELECT client_scan_id FROM checkpoint_scans WHERE checkpoint_id = ?', [
        uuidToBuffer(checkpointId),
      ])
    ).map((r: { client_scan_id: string }) => r.client_scan_id);

  it('loses no acknowledged scan when killed mid-load, and stores each retried scan once after a restart', async () => {
    await start();
    const attempted: string[] = [];
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const id = `crash-${w}-${n}`;
        attempted.push(id);
        try {
          const res = await send(id, n + w);
          if (res.status === 200) acknowledged.push(id);
          else await res.text();
        } catch {
          return; // the server is gone: this scan was not acknowledged
        }
      }
    };
    const load = Promise.all(Array.from({ length: 24 }, (_, w) => worker(w)));
    // Killed mid-load: once well over 100 scans are acknowledged (a fixed 1.5 s gave only 12 on a loaded machine,
    // before the API had warmed up), while the 24 devices keep sending.
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child?.kill('SIGKILL');
    stop = true;
    await load;
    await new Promise((r) => (child?.exitCode !== null || child?.signalCode ? r(null) : child?.once('exit', r)));

    const afterCrash = new Set(await stored());
    expect(acknowledged.length).toBeGreaterThan(100);
    expect(acknowledged.filter((id) => !afterCrash.has(id))).toEqual([]);

    // Restart; the devices retry every scan they sent, acknowledged or not.
    await start();
    for (let i = 0; i < attempted.length; i += 50) {
      const statuses = await Promise.all(
        attempted.slice(i, i + 50).map(async (id, k) => (await send(id, i + k)).status),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
    }
    const rows = await stored();
    expect(rows.length).toBe(new Set(rows).size);
    expect(new Set(rows)).toEqual(new Set(attempted));
    child?.kill('SIGTERM');
  });
});
