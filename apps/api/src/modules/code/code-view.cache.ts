import type { CodeResponse } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { BoundedCache } from '../keys/bounded-cache';

/** A code as residents see it (region names rendered into reasons and steps), without the QR token. */
export type CodeView = Omit<CodeResponse, 'token' | 'tokenExpiresAt'>;

/**
 * Rough size of one entry is 1–3 KB (reasons and steps in two languages), so this bounds the cache to a
 * few tens of MB per API process; residents beyond it are served from the database as before.
 */
const CAPACITY = 20_000;

/**
 * Per-process copies of rendered codes, each tagged with the `resident_codes.revision` it was rendered from.
 * An entry is served only while a fresh narrow read of the row shows the same revision, and every write of
 * the row bumps it, so a change made by any process (or by the worker) is seen on the very next fetch.
 */
@Injectable()
export class CodeViewCache {
  private readonly cache = new BoundedCache<string, { revision: number; view: CodeView }>(CAPACITY);

  get(residentId: string, revision: number): CodeView | undefined {
    const entry = this.cache.get(residentId);
    return entry?.revision === revision ? entry.view : undefined;
  }

  set(residentId: string, revision: number, view: CodeView): void {
    this.cache.set(residentId, { revision, view });
  }
}
