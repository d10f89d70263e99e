import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { EvidenceStorage } from '../evidence/evidence-storage.port';

export interface StoredEvidence {
  sha256: Buffer;
  mediaType: string;
  size: number;
}

/**
 * Evidence files, outside the database: named by the sha256 of their content (the same file uploaded twice is
 * stored once), encrypted at rest with the PII envelope keys (AES-256-GCM, key id in the header), kept in the
 * configured EvidenceStorage (S3-compatible object storage, or the local disk for development).
 */
@Injectable()
export class EvidenceStore {
  constructor(
    private readonly storage: EvidenceStorage,
    private readonly crypto: PiiCryptoService,
  ) {}

  async put(bytes: Buffer, mediaType: string): Promise<StoredEvidence> {
    const sha256 = createHash('sha256').update(bytes).digest();
    const name = nameOf(sha256.toString('hex'));
    if (!(await this.storage.exists(name))) await this.storage.put(name, this.crypto.sealBytes(bytes));
    return { sha256, mediaType, size: bytes.length };
  }

  exists(sha256Hex: string): Promise<boolean> {
    return this.storage.exists(nameOf(sha256Hex));
  }

  /** Removes a file no appeal refers to any more (retention, erasure); a missing file is fine. */
  remove(sha256Hex: string): Promise<void> {
    return this.storage.remove(nameOf(sha256Hex));
  }

  /** The file's plain bytes, or null. Files stored before encryption at rest are read as they are. */
  async read(sha256Hex: string): Promise<Buffer | null> {
    const stored = await this.storage.get(nameOf(sha256Hex));
    if (!stored) return null;
    return this.crypto.isSealed(stored) ? this.crypto.openBytes(stored) : stored;
  }
}

function nameOf(sha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new Error('not a sha256');
  return `${sha256Hex.slice(0, 2)}/${sha256Hex}`;
}
