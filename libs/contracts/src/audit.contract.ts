import { z } from 'zod';

const uuid = () => z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'A UUID');
const isoInstant = () => z.iso.datetime({ offset: true, error: 'An ISO 8601 instant such as 2020-02-10T00:00:00Z' });

/** `GET /api/v1/audit` filters; unknown parameters are refused like unknown body fields. */
export const AuditQuerySchema = z.strictObject({
  action: z
    .string()
    .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'A dotted action such as staff.created')
    .max(64)
    .optional(),
  actorId: uuid().optional(),
  targetType: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, 'A target type such as staff or region')
    .optional(),
  targetId: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, 'At most 64 letters, digits and :._-')
    .optional(),
  from: isoInstant().optional(),
  to: isoInstant().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: { kind: 'staff' | 'system'; id: string | null; role: string };
  action: string;
  target: { type: string; id: string | null };
  region: string | null;
  details: Record<string, unknown>;
  /** Hex sha256: anyone holding an exported copy can re-check the chain. */
  prevHash: string;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  /** Entries checked, oldest first. */
  checked: number;
  head: { seq: number; hash: string };
  /**
   * Chain heads signed with the deployment's key by the `sign-audit-head` job: how many verified, how many were
   * signed by a key no longer in the key ring, and the newest one.
   */
  signatures: { checked: number; unverifiable: number; newestSeq: number | null; newestAt: string | null };
  /** The first entry that does not match, or null when the whole chain holds. */
  firstBroken: {
    seq: number;
    reason: 'missing' | 'prev-hash-mismatch' | 'hash-mismatch' | 'head-mismatch' | 'signature-mismatch';
    message: string;
  } | null;
  verifiedAt: string;
}
