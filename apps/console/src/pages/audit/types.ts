// Local mirror of apps/api's audit.dto.ts: these types are not in @healthcode/contracts yet.

export interface AuditQuery {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: { kind: 'staff' | 'system'; id: string | null; role: string };
  action: string;
  target: { type: string; id: string | null };
  region: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string };
  firstBroken: { seq: number; reason: 'missing' | 'prev-hash-mismatch' | 'hash-mismatch' | 'head-mismatch'; message: string } | null;
  verifiedAt: string;
}
