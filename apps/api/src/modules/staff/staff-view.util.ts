import type { StaffAccountView, StaffGrantView, StaffIdentity } from '@healthcode/contracts';

import type { StaffRoleGrantEntity } from './staff-role-grant.entity';
import type { StaffEntity } from './staff.entity';

export function toStaffIdentity(s: StaffEntity): StaffIdentity {
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role, regionScope: s.regionScope };
}

export function toStaffAccountView(s: StaffEntity, now: Date, pendingGrantId: string | null = null): StaffAccountView {
  return {
    ...toStaffIdentity(s),
    disabled: s.disabled,
    lockedUntil: s.lockedUntil && s.lockedUntil > now ? s.lockedUntil.toISOString() : null,
    totpEnabled: s.totpSecretEnc !== null,
    lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    pendingGrantId,
  };
}

export function toStaffGrantView(g: StaffRoleGrantEntity, names: ReadonlyMap<string, string>): StaffGrantView {
  return {
    id: g.id,
    kind: g.kind,
    staffId: g.staffId,
    username: g.username,
    displayName: g.displayName,
    role: g.role,
    regionScope: g.regionScope,
    previousRole: g.previousRole,
    previousRegionScope: g.previousRegionScope,
    status: g.status,
    requestedBy: g.requestedBy,
    requestedByName: names.get(g.requestedBy) ?? '',
    requestedAt: g.requestedAt.toISOString(),
    decidedBy: g.decidedBy,
    decidedByName: g.decidedBy ? (names.get(g.decidedBy) ?? '') : null,
    decidedAt: g.decidedAt?.toISOString() ?? null,
    reason: g.reason,
  };
}
