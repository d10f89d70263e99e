import type { EntityManager } from 'typeorm';

/**
 * Where appeal decisions, approvals and overrides are written to the tamper-evident audit log.
 * Bound to `AuditService` (modules/audit) when that module provides it; without a binding nothing is recorded.
 */
export interface AppealAuditPort {
  record(
    input: {
      actor: { kind: 'staff'; staffId: string; role: string } | { kind: 'system'; job: string };
      action: string;
      target: { type: string; id?: string | null };
      region?: string | null;
      details?: Record<string, unknown>;
    },
    manager?: EntityManager,
  ): Promise<unknown>;
}

export const APPEAL_AUDIT = Symbol('APPEAL_AUDIT');
