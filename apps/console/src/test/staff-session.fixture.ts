import type { StaffIdentity, StaffRole } from '@healthcode/contracts';

import { sessionStore } from '../services/session';

export function staffIdentity(role: StaffRole, overrides: Partial<StaffIdentity> = {}): StaffIdentity {
  return { id: 'staff-1', username: 'wang.li', displayName: '王丽', role, regionScope: '3301', ...overrides };
}

/** Puts a signed-in session in place, as a successful login would. */
export function signInAs(role: StaffRole, overrides: Partial<StaffIdentity> = {}): StaffIdentity {
  const staff = staffIdentity(role, overrides);
  sessionStore.save({ accessToken: 'test-token', expiresIn: 3600, staff });
  return staff;
}
