import { STAFF_ROLES, type StaffRole } from '@healthcode/contracts';

/** Demo mode only: every demo account shares this password (production seeds no accounts at all). */
export const DEMO_STAFF_PASSWORD = 'healthcode-demo';

/** One account per role, named after it; agents and admins work in Zhejiang ('33'), the rest nationally. */
export const DEMO_STAFF: readonly { username: StaffRole; displayName: string; role: StaffRole; regionScope: string }[] =
  STAFF_ROLES.map((role) => ({
    username: role,
    displayName: `Demo ${role}`,
    role,
    regionScope: role === 'system-admin' || role === 'auditor' ? '' : '33',
  }));
