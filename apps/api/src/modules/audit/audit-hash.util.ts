import { createHash } from 'node:crypto';

/** The hash the first entry chains from (also the genesis value of the chain head). */
export const GENESIS_HASH = Buffer.alloc(32);

/** Bumped if the hashed fields ever change, so old and new entries stay verifiable side by side. */
const HASH_FORMAT = 1;

export interface HashedFields {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string | null;
  region: string | null;
  details: Record<string, unknown>;
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same value always serialises to the
 * same bytes, whatever order the database (MySQL reorders JSON keys) or the caller put the keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Audit details cannot hold NaN or Infinity');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`Audit details cannot hold a ${typeof value}`);
  }
}

/** sha256(previous hash ‖ canonical serialisation of every stored field but the hashes themselves). */
export function entryHash(prevHash: Buffer, e: HashedFields): Buffer {
  const body = canonicalJson({
    v: HASH_FORMAT,
    seq: e.seq,
    at: e.at.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    region: e.region,
    details: e.details,
  });
  return createHash('sha256').update(prevHash).update(body, 'utf8').digest();
}
