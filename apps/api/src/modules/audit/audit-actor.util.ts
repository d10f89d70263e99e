import type { StaffPrincipal } from '../auth/session-token.service';

/** Who made a change: a signed-in staff member, or a named system job (purge, re-encryption, import…). */
export type AuditActor = { kind: 'staff'; staffId: string; role: string } | { kind: 'system'; job: string };

export function staffActor(principal: Pick<StaffPrincipal, 'staffId' | 'role'>): AuditActor {
  return { kind: 'staff', staffId: principal.staffId, role: principal.role };
}

export function systemActor(job: string): AuditActor {
  return { kind: 'system', job };
}
