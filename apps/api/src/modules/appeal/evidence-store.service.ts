import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface StoredEvidence {
  sha256: Buffer;
  mediaType: string;
  size: number;
}

/**
 * Evidence bytes on disk, outside the database, named by their sha256 (content-addressed: the same file
 * uploaded twice is stored once). Written to a temporary name and renamed, so a reader never sees half a file.
 */
@Injectable()
export class EvidenceStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.appeals.evidenceDir);
  }

  pathOf(sha256Hex: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new Error('not a sha256');
    return join(this.root, sha256Hex.slice(0, 2), sha256Hex);
  }

  async put(bytes: Buffer, mediaType: string): Promise<StoredEvidence> {
    const sha256 = createHash('sha256').update(bytes).digest();
    const path = this.pathOf(sha256.toString('hex'));
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(path, '..'), { recursive: true });
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes, { mode: 0o600 });
      await rename(tmp, path);
    }
    return { sha256, mediaType, size: bytes.length };
  }

  async exists(sha256Hex: string): Promise<boolean> {
    return access(this.pathOf(sha256Hex)).then(
      () => true,
      () => false,
    );
  }

  /** Removes a file no appeal refers to any more (retention); a missing file is fine. */
  async remove(sha256Hex: string): Promise<void> {
    await rm(this.pathOf(sha256Hex), { force: true });
  }

  open(sha256Hex: string): ReadStream {
    return createReadStream(this.pathOf(sha256Hex));
  }
}
