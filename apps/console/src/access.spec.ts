import { STAFF_ROLES, type StaffRole } from '@healthcode/contracts';

import access, { type Permission, PERMISSION_ROLES } from './access';

const granted = (role: StaffRole): Permission[] =>
  (Object.entries(access({ role })) as [Permission, boolean][])
    .filter(([, allowed]) => allowed)
    .map(([p]) => p)
    .sort();

describe('access', () => {
  it.each<[StaffRole, Permission[]]>([
    ['hotline-agent', ['canLookup', 'canSeeDashboard', 'canTrace', 'canWorkAppeals']],
    ['supervisor', ['canApprove', 'canLookup', 'canSeeDashboard', 'canTrace', 'canWithdraw', 'canWorkAppeals']],
    ['region-admin', ['canEditRules', 'canImport', 'canManageCheckpoints', 'canSeeDashboard', 'canWithdraw']],
    ['auditor', ['canReadAudit', 'canSeeDashboard']],
    ['checkpoint-operator', ['canSeeDashboard']],
    [
      'system-admin',
      [
        'canEditRules',
        'canImport',
        'canManageCheckpoints',
        'canManageStaff',
        'canManageTrust',
        'canReadAudit',
        'canSeeDashboard',
        'canSeeQueues',
        'canWithdraw',
      ],
    ],
  ])('%s may do exactly %j', (role, expected) => {
    expect(granted(role)).toEqual(expected);
  });

  it('knows every role the contracts define, and nothing else', () => {
    expect([...PERMISSION_ROLES.canSeeDashboard].sort()).toEqual([...STAFF_ROLES].sort());
    const mentioned = new Set(Object.values(PERMISSION_ROLES).flat());
    expect([...mentioned].every((role) => (STAFF_ROLES as readonly string[]).includes(role))).toBe(true);
  });

  it('grants nothing without a staff member or with an unknown role', () => {
    expect(Object.values(access(null)).some(Boolean)).toBe(false);
    expect(Object.values(access({ role: 'janitor' as StaffRole })).some(Boolean)).toBe(false);
  });

  it('only the supervisor approves, and nobody who edits rules also works appeals', () => {
    const roles = STAFF_ROLES;
    expect(roles.filter((role) => access({ role }).canApprove)).toEqual(['supervisor']);
    expect(roles.filter((role) => access({ role }).canEditRules && access({ role }).canWorkAppeals)).toEqual([]);
  });
});
