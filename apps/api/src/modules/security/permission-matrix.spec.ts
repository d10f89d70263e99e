import { expectedOutcome, PERMISSION_MATRIX, permissionFor } from './permission-matrix';
import { renderPermissionTable } from './permission-table.util';

describe('permission matrix', () => {
  it('resolves exact routes, HEAD through GET, and /** prefixes (longest first)', () => {
    expect(permissionFor('GET', '/api/v1/me/code')?.key).toBe('GET /api/v1/me/code');
    expect(permissionFor('HEAD', '/api/v1/me/code')?.key).toBe('GET /api/v1/me/code');
    expect(permissionFor('GET', '/api/docs/swagger-ui-init.js')?.key).toBe('GET /api/docs/**');
    expect(permissionFor('GET', '/api/docsx')).toBeNull();
    expect(permissionFor('POST', '/api/v1/me/code')).toBeNull();
  });

  it('derives outcomes: anonymous 401, wrong kind or role 403, out of scope 403 OUT_OF_SCOPE', () => {
    const lookup = PERMISSION_MATRIX['POST /api/v1/staff/lookup'];
    expect(expectedOutcome(lookup, 'anonymous', true)).toBe('unauthenticated');
    expect(expectedOutcome(lookup, 'resident', true)).toBe('forbidden');
    expect(expectedOutcome(lookup, 'auditor', true)).toBe('forbidden');
    expect(expectedOutcome(lookup, 'hotline-agent', true)).toBe('allowed');
    // The lookup filters by scope (the same 404 as no match, so registrations can't be enumerated) ...
    expect(expectedOutcome(lookup, 'hotline-agent', false)).toBe('allowed');
    // ... while a route that names its target refuses outside the scope.
    const tracing = PERMISSION_MATRIX['POST /api/v1/tracing-requests'];
    expect(expectedOutcome(tracing, 'hotline-agent', false)).toBe('out-of-scope');
    expect(expectedOutcome(tracing, 'hotline-agent', true)).toBe('allowed');
    expect(expectedOutcome(PERMISSION_MATRIX['GET /api/v1/me/code'], 'system-admin', true)).toBe('forbidden');
    expect(expectedOutcome(PERMISSION_MATRIX['GET /api/v1/staff/me'], 'checkpoint-operator', false)).toBe('allowed');
  });

  it('renders one table row per entry', () => {
    const table = renderPermissionTable();
    expect(table.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(Object.keys(PERMISSION_MATRIX).length);
  });
});
