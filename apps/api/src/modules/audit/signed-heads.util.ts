import type { CryptoKey } from 'jose';

import type { ChainBreak } from './audit-chain-verifier.util';
import { readAuditHeadSignature } from './audit-head-signature.util';

export interface SignatureSummary {
  /** Signatures that verified against the key ring. */
  checked: number;
  /** Signatures whose key has left the ring (check them against an archived key set). */
  unverifiable: number;
  newestSeq: number | null;
  newestAt: string | null;
}

/**
 * The chain heads the deployment signed, checked against the key ring. While the chain is walked, each
 * recomputed entry hash at a signed sequence number must equal the signed hash: a rewrite that recomputed every
 * hash (and the head) is caught at the first signature after the change.
 */
export class SignedHeads {
  private constructor(
    private readonly bySeq: Map<number, string>,
    readonly summary: SignatureSummary,
    readonly invalid: ChainBreak | null,
  ) {}

  static async load(
    rows: readonly { seq: number; jws: string; signedAt: Date }[],
    resolveKey: (kid: string) => CryptoKey | undefined | Promise<CryptoKey | undefined>,
  ): Promise<SignedHeads> {
    const bySeq = new Map<number, string>();
    let unverifiable = 0;
    let invalid: ChainBreak | null = null;
    for (const row of rows) {
      const read = await readAuditHeadSignature(row.jws, resolveKey);
      if (read.ok && read.head.seq === row.seq) bySeq.set(row.seq, read.head.hash);
      else if (!read.ok && read.error === 'unknown-key') unverifiable++;
      else
        invalid ??= {
          seq: row.seq,
          reason: 'signature-mismatch',
          message: `The signature of the chain head at entry ${row.seq} does not verify`,
        };
    }
    const newest = rows.at(-1);
    const summary = {
      checked: bySeq.size,
      unverifiable,
      newestSeq: newest?.seq ?? null,
      newestAt: newest?.signedAt.toISOString() ?? null,
    };
    return new SignedHeads(bySeq, summary, invalid);
  }

  /** A break when `entry` is at a signed sequence number and its hash is not the one signed. */
  mismatch(entry: { seq: number; hash: Buffer }): ChainBreak | null {
    const signed = this.bySeq.get(entry.seq);
    if (signed === undefined || signed === entry.hash.toString('hex')) return null;
    return {
      seq: entry.seq,
      reason: 'signature-mismatch',
      message: `Entry ${entry.seq} differs from the chain head signed at that point: the log was rewritten up to here`,
    };
  }

  /** A break when a signed head lies beyond the current head: entries signed earlier are gone. */
  beyond(headSeq: number): ChainBreak | null {
    const last = this.summary.newestSeq;
    if (last === null || last <= headSeq) return null;
    return {
      seq: headSeq + 1,
      reason: 'missing',
      message: `Entries ${headSeq + 1} to ${last} were signed but are missing`,
    };
  }
}
