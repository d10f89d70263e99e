import { z } from 'zod';

import { regionScopeCode } from './region-code.contract';
import { STAFF_ROLES, type StaffIdentity, type StaffRole } from './staff.contract';
import { boundedText } from './zod-fields.util';

/**
 * Roles that decide colours, rules or accounts: granting one (a new account, a role change, a wider scope)
 * waits for a second system-admin's approval.
 */
export const GRANT_APPROVAL_ROLES: readonly StaffRole[] = ['supervisor', 'region-admin', 'system-admin'];

export const STAFF_GRANT_STATUSES = ['pending', 'approved', 'refused'] as const;
export type StaffGrantStatus = (typeof STAFF_GRANT_STATUSES)[number];

/** `create`: a new account with a privileged role (disabled until approved); `change`: an existing account's role. */
export type StaffGrantKind = 'create' | 'change';

export const ChangeStaffRoleRequestSchema = z.strictObject({
  role: z.enum(STAFF_ROLES),
  regionScope: regionScopeCode(),
});
export type ChangeStaffRoleRequest = z.infer<typeof ChangeStaffRoleRequestSchema>;

export const RefuseStaffGrantRequestSchema = z.strictObject({ reason: boundedText(200).optional() });
export type RefuseStaffGrantRequest = z.infer<typeof RefuseStaffGrantRequestSchema>;

export const StaffGrantListQuerySchema = z.strictObject({ status: z.enum(STAFF_GRANT_STATUSES).optional() });
export type StaffGrantListQuery = z.infer<typeof StaffGrantListQuerySchema>;

export interface StaffAccountView extends StaffIdentity {
  disabled: boolean;
  /** Set while a lock after repeated failed logins is in force. */
  lockedUntil: string | null;
  /** False until the staff member has enrolled an authenticator (at their next login, for the roles that need one). */
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  /** The id of a role grant waiting for a second system-admin, if any. */
  pendingGrantId: string | null;
}

export interface StaffGrantView {
  id: string;
  kind: StaffGrantKind;
  staffId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  regionScope: string;
  /** The account's role and scope when the grant was asked for (null for a new account). */
  previousRole: StaffRole | null;
  previousRegionScope: string | null;
  status: StaffGrantStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** A role change or a new account: applied at once, or waiting for approval (`grant.status` pending). */
export interface StaffRoleChangeResult {
  account: StaffAccountView;
  grant: StaffGrantView | null;
}
