import type { StaffIdentity } from '@healthcode/contracts';

import type { StaffAccountView } from './staff-account.dto';
import type { StaffEntity } from './staff.entity';

export function toStaffIdentity(s: StaffEntity): StaffIdentity {
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role, regionScope: s.regionScope };
}

export function toStaffAccountView(s: StaffEntity, now: Date): StaffAccountView {
  return {
    ...toStaffIdentity(s),
    disabled: s.disabled,
    lockedUntil: s.lockedUntil && s.lockedUntil > now ? s.lockedUntil.toISOString() : null,
    totpEnabled: s.totpSecretEnc !== null,
    lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}
