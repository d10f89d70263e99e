import type { StaffIdentity, StaffRole } from '@healthcode/contracts';

/**
 * Who may see what, derived once from the role (ant-design-pro's access.ts). This only shapes menus,
 * routes and buttons: the API enforces every permission again on its side.
 */
export const PERMISSION_ROLES = {
  canWorkAppeals: ['hotline-agent', 'supervisor'],
  canApprove: ['supervisor'],
  canLookup: ['hotline-agent', 'supervisor'],
  canTrace: ['hotline-agent', 'supervisor'],
  canEditRules: ['region-admin', 'system-admin'],
  canImport: ['region-admin', 'system-admin'],
  // The same roles the API's withdrawal routes accept; the list and approvals are scoped to the region there.
  canWithdraw: ['supervisor', 'region-admin', 'system-admin'],
  canManageCheckpoints: ['region-admin', 'system-admin'],
  canReadAudit: ['auditor', 'system-admin'],
  canSeeQueues: ['system-admin'],
  canManageStaff: ['system-admin'],
  canManageTrust: ['system-admin'],
  // Spelled out rather than STAFF_ROLES: that value sits beside zod schemas and would pull zod into
  // the first screen. The spec checks this list against STAFF_ROLES.
  canSeeDashboard: ['hotline-agent', 'supervisor', 'region-admin', 'auditor', 'checkpoint-operator', 'system-admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSION_ROLES;
export type Access = Readonly<Record<Permission, boolean>>;

/** Everything false when nobody is signed in or the role is unknown to this build. */
export default function access(staff: Pick<StaffIdentity, 'role'> | null | undefined): Access {
  const role = staff?.role;
  const entries = Object.entries(PERMISSION_ROLES).map(([permission, roles]) => [
    permission,
    role !== undefined && (roles as readonly StaffRole[]).includes(role),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as Access;
}
