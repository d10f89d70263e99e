import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { AppConfig } from '../../src/config/app-config';
import { EvidenceStore } from '../../src/modules/appeal/evidence-store.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import type { EvidenceStorage } from '../../src/modules/evidence/evidence-storage.port';
import { EVIDENCE_STORAGE_PROVIDER } from '../../src/modules/evidence/evidence-storage.provider';
import { LocalDiskEvidenceStorage } from '../../src/modules/evidence/local-disk-evidence.storage';
import { S3EvidenceStorage } from '../../src/modules/evidence/s3-evidence.storage';
import { startTestS3, type TestS3 } from '../utils/s3-server';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const nameOf = (hex: string) => `${hex.slice(0, 2)}/${hex}`;
const crypto = (current: string, keys: Record<string, Buffer>) =>
  new PiiCryptoService({ pii: { keys, currentKeyId: current, hmacKey: randomBytes(32) } } as unknown as AppConfig);

describe('evidence storage adapters and encryption at rest (medium: a real S3-protocol server, a real disk)', () => {
  let s3: TestS3;
  let dir: string;
  const adapters: Record<string, () => EvidenceStorage> = {};

  beforeAll(async () => {
    s3 = await startTestS3();
    dir = await mkdtemp(join(tmpdir(), 'hc-evidence-local-'));
    adapters.s3 = () => new S3EvidenceStorage(s3.config);
    adapters.local = () => new LocalDiskEvidenceStorage(dir);
  });

  afterAll(async () => {
    await s3?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe.each(['s3', 'local'])('the %s adapter', (kind) => {
    it('stores, reads, tells existence and removes (idempotently) an object', async () => {
      const storage = adapters[kind]();
      await storage.check();
      const bytes = randomBytes(2048);
      const name = nameOf(sha(bytes));
      expect(await storage.exists(name)).toBe(false);
      expect(await storage.get(name)).toBeNull();
      await storage.put(name, bytes);
      expect(await storage.exists(name)).toBe(true);
      expect((await storage.get(name))?.equals(bytes)).toBe(true);
      await storage.remove(name);
      expect(await storage.exists(name)).toBe(false);
      await expect(storage.remove(name)).resolves.toBeUndefined();
    });

    it('refuses names that are not evidence names (no path tricks)', async () => {
      const storage = adapters[kind]();
      for (const bad of ['../etc/passwd', 'ab/../../x', `zz/${'a'.repeat(64)}`, ''])
        await expect(storage.put(bad, Buffer.from('x'))).rejects.toThrow('not an evidence object name');
    });
  });

  it('fails at boot with an actionable message when the bucket does not exist', async () => {
    const config = { evidence: { ...s3.config, bucket: 'no-such-bucket' } } as unknown as AppConfig;
    await expect(EVIDENCE_STORAGE_PROVIDER.useFactory(config)).rejects.toThrow(/no-such-bucket.*S3_BUCKET/);
  });

  it('encrypts files at rest with the PII keys, reads them back, and keeps reading them after a key rotation', async () => {
    const k1 = randomBytes(32);
    const storage = adapters.s3();
    const before = new EvidenceStore(storage, crypto('k1', { k1 }));
    const pdf = Buffer.from(`%PDF-1.4\n% statement of ${randomBytes(8).toString('hex')}\n%%EOF\n`);
    const stored = await before.put(pdf, 'application/pdf');
    const hex = stored.sha256.toString('hex');
    expect(hex).toBe(sha(pdf));

    const raw = (await storage.get(nameOf(hex))) as Buffer;
    expect(raw.subarray(0, 6).toString()).toBe('HCE1\u0002k');
    expect(raw.includes(pdf.subarray(0, 20))).toBe(false);
    expect(raw.length).toBe(pdf.length + 4 + 1 + 2 + 12 + 16);
    expect((await before.read(hex))?.equals(pdf)).toBe(true);

    // The same content again is stored once (content-addressed), not re-encrypted.
    await before.put(pdf, 'application/pdf');
    expect((await storage.get(nameOf(hex)))?.equals(raw)).toBe(true);

    // A new current key: old files still open, new ones go under the new key; without the old key they cannot.
    const after = new EvidenceStore(storage, crypto('k2', { k1, k2: randomBytes(32) }));
    expect((await after.read(hex))?.equals(pdf)).toBe(true);
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(64)]);
    const second = (await after.put(png, 'image/png')).sha256.toString('hex');
    expect(((await storage.get(nameOf(second))) as Buffer).subarray(0, 7).toString()).toBe('HCE1\u0002k2');
    await expect(new EvidenceStore(storage, crypto('k3', { k3: randomBytes(32) })).read(hex)).rejects.toThrow(
      'PII key k1 is not configured',
    );

    // A flipped byte in the stored object is detected (GCM), never served.
    const tampered = Buffer.from(raw);
    tampered[tampered.length - 1] ^= 1;
    await storage.put(nameOf(hex), tampered);
    await expect(after.read(hex)).rejects.toThrow();

    await after.remove(hex);
    expect(await after.exists(hex)).toBe(false);
    expect(await after.read(hex)).toBeNull();
  });

  it('still serves files written to the local disk before encryption at rest', async () => {
    const legacy = Buffer.from('%PDF-1.4\n% stored before encryption\n%%EOF\n');
    const hex = sha(legacy);
    await mkdir(join(dir, hex.slice(0, 2)), { recursive: true });
    await writeFile(join(dir, hex.slice(0, 2), hex), legacy);
    const store = new EvidenceStore(adapters.local(), crypto('k1', { k1: randomBytes(32) }));
    expect((await store.read(hex))?.equals(legacy)).toBe(true);
  });
});
