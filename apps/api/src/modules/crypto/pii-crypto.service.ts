import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { randomPool } from './random-pool';

export type HmacKind = 'id' | 'phone' | 'host';

/** One value's HMAC under the current key version and, during a rotation, the previous one. */
export interface HmacPair {
  current: Buffer;
  previous: Buffer | null;
}

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

  /** The HMAC key version written now (every HMAC column has a `*_kid` column beside it holding its version). */
  get hmacKeyId(): number {
    return this.config.pii.hmacKeyId ?? 1;
  }

  /** The version still matched while `hmac:rotate` moves rows to the current one; null outside a rotation. */
  get hmacPreviousKeyId(): number | null {
    return this.config.pii.hmacPreviousKeyId ?? null;
  }

  /** Namespaced so an ID number and a phone number never collide. Under the current key version. */
  hmac(kind: HmacKind, value: string): Buffer {
    return this.hmacAt(this.hmacKeyId, kind, value);
  }

  /**
   * Version 1 is the HMAC under `PII_HMAC_KEY`; version n is the HMAC under key n of version n-1's HMAC. So a
   * stored HMAC moves to a newer version from itself (`rekeyHmac`), without the plain value, which is never kept.
   */
  hmacAt(version: number, kind: HmacKind, value: string): Buffer {
    const first = createHmac('sha256', this.config.pii.hmacKey).update(`${kind}\u0000${value}`).digest();
    return this.rekeyHmac(first, 1, version);
  }

  /** A version `from` HMAC as version `to` (`to` >= `from`). */
  rekeyHmac(stored: Buffer, from: number, to: number): Buffer {
    let h = stored;
    for (let v = from + 1; v <= to; v++) h = createHmac('sha256', this.layerKey(v)).update(h).digest();
    return h;
  }

  /** What a value may be stored as now: the current version, and during a rotation also the previous one. */
  hmacCandidates(kind: HmacKind, value: string): Buffer[] {
    const current = this.hmac(kind, value);
    const previous = this.hmacPreviousKeyId;
    return previous === null ? [current] : [current, this.hmacAt(previous, kind, value)];
  }

  /** The pair a writer aligns during a rotation (`HmacRotationService.align`): previous and current version. */
  hmacPair(kind: HmacKind, value: string): HmacPair {
    const current = this.hmac(kind, value);
    const previous = this.hmacPreviousKeyId;
    return { current, previous: previous === null ? null : this.hmacAt(previous, kind, value) };
  }

  /** Whether a stored HMAC (of either matched version) is the HMAC of `value`. */
  hmacMatches(kind: HmacKind, value: string, stored: Buffer | null): boolean {
    return stored !== null && this.hmacCandidates(kind, value).some((h) => h.equals(stored));
  }

  encrypt(plain: string, keyId = this.config.pii.currentKeyId): string {
    const key = this.key(keyId);
    const iv = randomPool.take(12);
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

  private layerKey(version: number): Buffer {
    const key = this.config.pii.hmacLayers?.[version - 2];
    if (!key) throw new Error(`PII HMAC key version ${version} is not configured`);
    return key;
  }

  private key(keyId: string): Buffer {
    const key = this.config.pii.keys[keyId];
    if (!key) throw new Error(`PII key ${keyId} is not configured`);
    return key;
  }
}
