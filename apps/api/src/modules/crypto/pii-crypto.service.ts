import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Starts every sealed byte string; no allowed evidence type (PDF, JPEG, PNG) starts with it. */
const SEALED_MAGIC = Buffer.from('HCE1');

/**
 * Personal data at rest: a keyed HMAC for equality matching (authority feeds, hotline lookup) and
 * AES-256-GCM ciphertext tagged with its key id, so a re-encryption job can move rows to a new key.
 */
@Injectable()
export class PiiCryptoService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get currentKeyId(): string {
    return this.config.pii.currentKeyId;
  }

  /** Namespaced so an ID number and a phone number never collide. */
  hmac(kind: 'id' | 'phone' | 'host', value: string): Buffer {
    return createHmac('sha256', this.config.pii.hmacKey).update(`${kind}\u0000${value}`).digest();
  }

  encrypt(plain: string, keyId = this.config.pii.currentKeyId): string {
    const key = this.key(keyId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(keyId));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    const sep = sealed.indexOf(':');
    const keyId = sealed.slice(0, sep);
    const raw = Buffer.from(sealed.slice(sep + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /**
   * Bytes (evidence files) under the same keys: `HCE1`, the key id's length and the key id, then iv, tag and
   * ciphertext. The magic and key id are authenticated, so a file can be moved to a new key like a column.
   */
  sealBytes(plain: Buffer, keyId = this.config.pii.currentKeyId): Buffer {
    const header = Buffer.concat([SEALED_MAGIC, Buffer.from([keyId.length]), Buffer.from(keyId)]);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(keyId), iv);
    cipher.setAAD(header);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ct]);
  }

  /** Whether bytes were sealed by `sealBytes` (files stored before encryption at rest are not). */
  isSealed(bytes: Buffer): boolean {
    return bytes.length > SEALED_MAGIC.length && bytes.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC);
  }

  openBytes(sealed: Buffer): Buffer {
    if (!this.isSealed(sealed)) throw new Error('not sealed bytes');
    const idLength = sealed[SEALED_MAGIC.length];
    const headerLength = SEALED_MAGIC.length + 1 + idLength;
    const keyId = sealed.subarray(SEALED_MAGIC.length + 1, headerLength).toString();
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), sealed.subarray(headerLength, headerLength + 12));
    decipher.setAAD(sealed.subarray(0, headerLength));
    decipher.setAuthTag(sealed.subarray(headerLength + 12, headerLength + 28));
    return Buffer.concat([decipher.update(sealed.subarray(headerLength + 28)), decipher.final()]);
  }

  private key(keyId: string): Buffer {
    const key = this.config.pii.keys[keyId];
    if (!key) throw new Error(`PII key ${keyId} is not configured`);
    return key;
  }
}
