import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { addDays, cstDate, STAFF_ROLES, type StaffRole } from '@healthcode/contracts';
import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { DataSource } from 'typeorm';

import { newId } from '../../src/database/uuid-binary.transformer';
import { SessionTokenService } from '../../src/modules/auth/session-token.service';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import {
  CALLERS,
  type Caller,
  expectedOutcome,
  type Outcome,
  PERMISSION_MATRIX,
  permissionFor,
} from '../../src/modules/security/permission-matrix';
import { renderPermissionTable, TABLE_END, TABLE_START } from '../../src/modules/security/permission-table.util';
import { registeredRoutes } from '../../src/modules/security/route-inventory.util';
import { E2eContext, type E2eResident } from '../utils/e2e-context';
import type { TestStaff } from '../utils/staff.factory';
import type { TestApp } from '../utils/test-app';

/** A request for one route: path parameters, and a JSON body when the route reads one. */
interface Probe {
  params?: Record<string, string>;
  body?: unknown;
}

/** What AuthGuard says when it refuses by role or kind; any other 403 FORBIDDEN is a business rule. */
const GUARD_REFUSAL =
  /^(Only residents can use this route|Only staff can use this route|Your role \(.+\) cannot use this route|This route is not open to anyone)/;
const INSIDE = '33';
const OUTSIDE = '11';
const SECURITY_DOC = join(__dirname, '../../../../docs/SECURITY.md');

function classify(res: { status: number; body: { code?: string; message?: string } | null }): Outcome {
  if (res.status === 401) return 'unauthenticated';
  if (res.status === 403 && res.body?.code === 'OUT_OF_SCOPE') return 'out-of-scope';
  if (res.status === 403 && GUARD_REFUSAL.test(res.body?.message ?? '')) return 'forbidden';
  return 'allowed';
}

describe('permission matrix: every registered route, every caller, inside and outside scope (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;
  const staff: Record<'in' | 'out', Partial<Record<StaffRole, TestStaff>>> = { in: {}, out: {} };
  let national: Record<'admin' | 'agent' | 'supervisor', TestStaff>;
  let resident: E2eResident;

  /** A registered resident of 330106 with a confirmed case: a red code to appeal and a case to trace. */
  const caseResident = () => ctx.newCaseResident({}, { daysAgo: 3 });

  async function checkpoint(): Promise<string> {
    const res = await http.post(
      '/api/v1/checkpoints',
      { name: 'West Lake metro', kind: 'metro', region: '330106', place: 'Exit B', admits: ['green'] },
      national.admin.token,
    );
    if (res.status !== 201) throw new Error(`checkpoint fixture: ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async function appeal(): Promise<string> {
    return String((await ctx.newAppeal(await caseResident())).number);
  }

  async function tracingRequest(approved: boolean): Promise<string> {
    const r = await caseResident();
    const res = await http.post(
      '/api/v1/tracing-requests',
      { residentId: r.residentId, caseReference: 'CASE-1', justification: 'Confirmed case' },
      national.agent.token,
    );
    if (res.status !== 201) throw new Error(`tracing fixture: ${JSON.stringify(res.body)}`);
    if (approved)
      await http.post(`/api/v1/tracing-requests/${res.body.id}/decision`, { approve: true }, national.supervisor.token);
    return res.body.id;
  }

  /** An unverified resident of 330106 and what a hotline agent files for them. */
  async function hotlineFiling() {
    const r = await ctx.newResident({}, { verified: false });
    return {
      residentId: r.residentId,
      idType: 'resident-id',
      idNumber: r.idNumber,
      documentType: 'resident-id-card',
      reason: 'Card checked on a video call; the photo matches.',
      callRef: 'HC-MATRIX-1',
    };
  }

  /** An authority contact fact registered in 330106 (where it happened decides who may withdraw it). */
  async function regionFact(): Promise<string> {
    const id = newId();
    await db.getRepository(AuthorityFactEntity).insert({
      id,
      kind: 'contact',
      idHmac: createHash('sha256').update(id).digest(),
      data: { date: addDays(cstDate(t.clock.now()), -1) },
      rowHash: createHash('sha256').update(`contact|${id}`).digest(),
      importId: null,
      region: '330106',
      createdAt: t.clock.now(),
    });
    return id;
  }

  async function staffTarget(role: StaffRole = 'supervisor'): Promise<string> {
    return (await ctx.newStaff(role, '3301')).id;
  }

  /** A pending supervisor grant for a 3301 agent, asked for by the national admin (so others may decide it). */
  async function roleGrant(): Promise<string> {
    const res = await http.post(
      `/api/v1/staff/accounts/${await staffTarget('hotline-agent')}/role`,
      { role: 'supervisor', regionScope: '3301' },
      national.admin.token,
    );
    if (res.status !== 200 || !res.body.grant) throw new Error(`grant fixture: ${JSON.stringify(res.body)}`);
    return res.body.grant.id;
  }

  /**
   * Requests aimed inside region 33 for every route whose matrix entry refuses out-of-scope targets. A
   * 'deny' route without one here fails the test: write the fixture with the route.
   */
  const SCOPE_FIXTURES: Record<string, () => Promise<Probe>> = {
    'POST /api/v1/staff/lookup': async () => ({
      body: { idNumber: resident.idNumber, purpose: { kind: 'hotline-call', callRef: 'HC-0001' } },
    }),
    'POST /api/v1/staff/identity-verifications': async () => ({ body: await hotlineFiling() }),
    'POST /api/v1/staff/identity-verifications/:id/decision': async () => {
      const filed = await http.post(
        '/api/v1/staff/identity-verifications',
        await hotlineFiling(),
        national.agent.token,
      );
      if (filed.status !== 201) throw new Error(`hotline fixture: ${JSON.stringify(filed.body)}`);
      return { params: { id: filed.body.id }, body: { approve: false, note: 'matrix probe' } };
    },
    'POST /api/v1/staff/accounts': async () => ({
      body: {
        username: 'matrix.agent',
        displayName: 'Matrix',
        role: 'hotline-agent',
        regionScope: '3301',
        password: 'a long enough passphrase',
      },
    }),
    'POST /api/v1/staff/accounts/:id/disable': async () => ({ params: { id: await staffTarget() } }),
    'POST /api/v1/staff/accounts/:id/enable': async () => ({ params: { id: await staffTarget() } }),
    'POST /api/v1/staff/accounts/:id/reset-password': async () => ({
      params: { id: await staffTarget() },
      body: { password: 'another long passphrase' },
    }),
    'POST /api/v1/staff/accounts/:id/reset-totp': async () => ({ params: { id: await staffTarget() } }),
    'POST /api/v1/staff/accounts/:id/unlock': async () => ({ params: { id: await staffTarget() } }),
    'POST /api/v1/staff/accounts/:id/role': async () => ({
      params: { id: await staffTarget('hotline-agent') },
      body: { role: 'auditor', regionScope: '3301' },
    }),
    'POST /api/v1/staff/grants/:id/approve': async () => ({ params: { id: await roleGrant() } }),
    'POST /api/v1/staff/grants/:id/refuse': async () => ({ params: { id: await roleGrant() }, body: {} }),
    'PUT /api/v1/admin/rule-sets/:id/overrides/:prefix': async () => {
      const draft = await http.post(
        '/api/v1/admin/rule-sets',
        { definition: DEFAULT_RULE_SET, changelog: { 'zh-CN': '测试', en: 'test' } },
        national.admin.token,
      );
      if (draft.status !== 201) throw new Error(`rule-set fixture: ${JSON.stringify(draft.body)}`);
      return {
        params: { id: draft.body.id, prefix: '330106' },
        body: { rules: { symptoms: { checkInsRequired: 5 } } },
      };
    },
    'POST /api/v1/admin/risk-levels/:id/retract': async () => {
      const set = await http.post(
        '/api/v1/admin/risk-levels',
        { levels: [{ region: '330106', level: 'medium', effectiveFrom: '2026-01-01' }] },
        national.admin.token,
      );
      if (set.status !== 201) throw new Error(`risk-level fixture: ${JSON.stringify(set.body)}`);
      return { params: { id: set.body.levels[0].id }, body: { reason: 'set on the wrong district' } };
    },
    'POST /api/v1/admin/withdrawals': async () => ({
      body: { target: 'fact', id: await regionFact(), reason: 'matched the wrong person' },
    }),
    'POST /api/v1/admin/withdrawals/:id/approve': async () => {
      const asked = await http.post(
        '/api/v1/admin/withdrawals',
        { target: 'fact', id: await regionFact(), reason: 'matched the wrong person' },
        national.supervisor.token,
      );
      if (asked.status !== 201) throw new Error(`withdrawal fixture: ${JSON.stringify(asked.body)}`);
      return { params: { id: asked.body.id } };
    },
    'POST /api/v1/checkpoints': async () => ({
      body: { name: 'Gate', kind: 'mall', region: '330106', place: 'North door', admits: ['green', 'yellow'] },
    }),
    'POST /api/v1/checkpoints/:id/disable': async () => ({ params: { id: await checkpoint() } }),
    'PUT /api/v1/checkpoints/:id/admission': async () => ({
      params: { id: await checkpoint() },
      body: { admits: ['green'], peerAdmits: [] },
    }),
    'POST /api/v1/checkpoints/:id/devices': async () => ({
      params: { id: await checkpoint() },
      body: { label: 'lane 1' },
    }),
    'GET /api/v1/checkpoints/:id/devices': async () => ({ params: { id: await checkpoint() } }),
    'POST /api/v1/checkpoints/:id/devices/:credentialId/revoke': async () => {
      const id = await checkpoint();
      const device = await http.post(`/api/v1/checkpoints/${id}/devices`, { label: 'lane 2' }, national.admin.token);
      return { params: { id, credentialId: device.body.id } };
    },
    'GET /api/v1/checkpoints/:id/stats': async () => ({ params: { id: await checkpoint() } }),
    'POST /api/v1/tracing-requests': async () => {
      const r = await caseResident();
      return { body: { residentId: r.residentId, caseReference: 'CASE-2', justification: 'Confirmed case' } };
    },
    'POST /api/v1/tracing-requests/:id/decision': async () => ({
      params: { id: await tracingRequest(false) },
      body: { approve: false, note: 'test' },
    }),
    'GET /api/v1/appeals/:number': async () => ({ params: { number: await appeal() } }),
    'PUT /api/v1/admin/appeal-policies/:regionPrefix': async () => ({
      params: { regionPrefix: '3301' },
      body: { firstResponseHours: 24, decisionHours: 72, loweringNeedsApproval: true },
    }),
    'POST /api/v1/appeals/:number/review': async () => ({ params: { number: await appeal() } }),
    'POST /api/v1/appeals/:number/request-info': async () => ({
      params: { number: await appeal() },
      body: { message: 'Please send the hospital letter.' },
    }),
    'POST /api/v1/appeals/:number/decision': async () => ({
      params: { number: await appeal() },
      body: { outcome: 'rejected', reason: 'The registry entry was checked with the hospital and is correct.' },
    }),
    'POST /api/v1/appeals/:number/approval': async () => ({
      params: { number: await appeal() },
      body: { approve: true },
    }),
    'POST /api/v1/appeals/:number/close': async () => ({ params: { number: await appeal() } }),
    'GET /api/v1/appeals/:number/evidence/:sha256': async () => ({
      params: { number: await appeal(), sha256: '0'.repeat(64) },
    }),
  };

  const DEFAULT_PARAMS: Record<string, string> = {
    id: newId(),
    number: '999999',
    sha256: 'f'.repeat(64),
    credentialId: newId(),
    prefix: '330106',
  };

  function url(route: string, probe: Probe): string {
    return route
      .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(probe.params?.[name] ?? DEFAULT_PARAMS[name] ?? 'x'))
      .replace(/\*$/, 'index.html');
  }

  async function tokenOf(caller: Caller, where: 'in' | 'out', method: string, path = ''): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    // Erasing a resident is allowed, so it gets a resident of its own.
    if (caller === 'resident') return method === 'DELETE' ? (await ctx.newResident()).token : resident.token;
    // Logging out revokes the token it is sent with: a fresh session of the same account.
    if (path === '/api/v1/staff/logout') {
      const me = staff[where][caller]!;
      return (
        await t.app
          .get(SessionTokenService)
          .issue({ kind: 'staff', staffId: me.id, role: me.role, regionScope: me.regionScope })
      ).accessToken;
    }
    return staff[where][caller]!.token;
  }

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t, http, db } = ctx);
    resident = await ctx.newResident();
    for (const role of STAFF_ROLES) {
      staff.in[role] = await ctx.newStaff(role, INSIDE);
      staff.out[role] = await ctx.newStaff(role, OUTSIDE);
    }
    national = {
      admin: await ctx.newStaff('system-admin', ''),
      agent: await ctx.newStaff('hotline-agent', ''),
      supervisor: await ctx.newStaff('supervisor', ''),
    };
  });
  afterAll(() => ctx?.close());

  it('has a matrix entry for every registered route, and no entry for a route that does not exist', () => {
    const routes = registeredRoutes(t.app.getHttpAdapter().getInstance());
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((r) => !permissionFor(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    const used = new Set(routes.map((r) => permissionFor(r.method, r.url)?.key));
    const stale = Object.entries(PERMISSION_MATRIX)
      .filter(([k, p]) => !used.has(k) && !p.optional)
      .map(([k]) => k);
    expect(stale).toEqual([]);
    // HEAD routes are Fastify's automatic twins of GET routes: same handler, same guards.
    const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
    expect(routes.filter((r) => r.method === 'HEAD' && !gets.has(r.url))).toEqual([]);
  });

  it('has a scope fixture for every route that refuses out-of-scope targets', () => {
    const deny = Object.entries(PERMISSION_MATRIX)
      .filter(([, p]) => p.scope?.mode === 'deny')
      .map(([k]) => k);
    expect(deny.filter((k) => !SCOPE_FIXTURES[k])).toEqual([]);
  });

  it('answers every route, for every caller inside and outside their scope, exactly as the matrix says', async () => {
    const routes = registeredRoutes(t.app.getHttpAdapter().getInstance()).filter((r) => r.method !== 'HEAD');
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const found = permissionFor(route.method, route.url)!;
      const fixture = SCOPE_FIXTURES[found.key];
      const probe: Probe = fixture ? await fixture() : {};
      const path = route.url === '*' ? '/api/health' : url(route.url, probe);
      const body = probe.body ?? (['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined);
      for (const caller of CALLERS) {
        for (const where of caller === 'anonymous' || caller === 'resident'
          ? (['in'] as const)
          : (['in', 'out'] as const)) {
          const token = await tokenOf(caller, where, route.method, route.url);
          const headers: Record<string, string> = {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          };
          const res = await fetch(`${t.baseUrl}${path}`, {
            method: route.method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await res.text();
          let parsed: { code?: string; message?: string } | null = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            // static files and the like
          }
          const actual = classify({ status: res.status, body: parsed });
          const expected = expectedOutcome(found.permission, caller, where === 'in' || !fixture);
          checked++;
          if (res.status >= 500)
            mismatches.push(`${route.method} ${route.url} as ${caller}/${where}: HTTP ${res.status}`);
          else if (actual !== expected)
            mismatches.push(
              `${route.method} ${route.url} as ${caller} (${where} scope): expected ${expected}, got ${actual} (HTTP ${res.status} ${parsed?.code ?? ''} ${parsed?.message ?? ''})`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(routes.length * 10);
    // every route × caller × scope: about a minute on a quiet machine, over two on a loaded one
  }, 300_000);

  it('keeps the table in docs/SECURITY.md equal to the matrix', () => {
    const table = renderPermissionTable();
    const doc = readFileSync(SECURITY_DOC, 'utf8');
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    if (process.env.UPDATE_SECURITY_DOC === '1' && start >= 0 && end > start) {
      writeFileSync(SECURITY_DOC, doc.slice(0, start) + table + doc.slice(end + TABLE_END.length));
      return;
    }
    expect(start).toBeGreaterThanOrEqual(0);
    // Regenerate with: UPDATE_SECURITY_DOC=1 npx jest test/e2e/permission-matrix
    expect(doc.slice(start, end + TABLE_END.length)).toBe(table);
  });
});
