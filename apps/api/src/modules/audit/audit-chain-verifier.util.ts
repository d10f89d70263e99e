import type { AuditVerifyResult } from '@healthcode/contracts';

import { entryHash, GENESIS_HASH, type HashedFields } from './audit-hash.util';

export type ChainBreak = NonNullable<AuditVerifyResult['firstBroken']>;
export type ChainedEntry = HashedFields & { prevHash: Buffer; hash: Buffer };

/**
 * Walks the chain oldest first, one entry at a time (so the caller can stream batches), and remembers the
 * first place it breaks: a gap in the sequence (deleted rows), a link that does not point at the previous
 * entry (reordered or replaced rows), or a stored hash that does not match the content (edited rows).
 */
export class AuditChainVerifier {
  private prev: Buffer = GENESIS_HASH;
  private expectedSeq = 1;
  private broken: ChainBreak | null = null;
  checked = 0;

  /** Returns false once the chain is known to be broken (nothing later can repair it). */
  feed(e: ChainedEntry): boolean {
    if (this.broken) return false;
    this.checked++;
    if (e.seq !== this.expectedSeq) {
      return this.fail({
        seq: this.expectedSeq,
        reason: 'missing',
        message: `Entry ${this.expectedSeq} is missing (the next entry found is ${e.seq})`,
      });
    }
    if (!e.prevHash.equals(this.prev)) {
      return this.fail({
        seq: e.seq,
        reason: 'prev-hash-mismatch',
        message: `Entry ${e.seq} does not link to entry ${e.seq - 1}`,
      });
    }
    if (!entryHash(this.prev, e).equals(e.hash)) {
      return this.fail({
        seq: e.seq,
        reason: 'hash-mismatch',
        message: `Entry ${e.seq} was altered after it was written`,
      });
    }
    this.prev = e.hash;
    this.expectedSeq++;
    return true;
  }

  /** Records a break found outside the chain itself (a signed head that does not match). */
  reject(b: ChainBreak): void {
    this.broken ??= b;
  }

  /** The chain head must point at the last entry: otherwise entries were removed from the end. */
  finish(head: { seq: number; hash: Buffer }): ChainBreak | null {
    if (this.broken) return this.broken;
    const last = this.expectedSeq - 1;
    if (head.seq !== last || !head.hash.equals(this.prev)) {
      const seq = Math.min(head.seq, last + 1);
      this.broken = {
        seq,
        reason: head.seq > last ? 'missing' : 'head-mismatch',
        message:
          head.seq > last
            ? `Entries ${last + 1} to ${head.seq} are missing`
            : `The chain head does not match entry ${last}`,
      };
    }
    return this.broken;
  }

  private fail(b: ChainBreak): false {
    this.broken = b;
    return false;
  }
}
