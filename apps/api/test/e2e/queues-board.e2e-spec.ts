import { createSecretKey } from 'node:crypto';

import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';

import * as QUEUE_CONSTANTS from '../../src/modules/queue/queue-names.constant';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PREFIX } from '../../src/modules/queue-board/queue-board-ticket.service';
import { boardAction } from '../../src/modules/queue-board/queue-board.mount';
import { registeredRoutes } from '../../src/modules/security/route-inventory.util';
import { type TestStaff } from '../utils/staff.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/** Issue #9: bull-board at /api/admin/queues, opened with a short-lived ticket that only system admins get. */
describe('queue dashboard (bull-board) for system admins (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let admin: TestStaff;

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t, http } = ctx);
    admin = await ctx.newStaff('system-admin', '');
  });
  afterAll(() => ctx?.close());

  async function ticketOf(staff: TestStaff): Promise<string> {
    const res = await http.post('/api/v1/admin/queues/session', {}, staff.token);
    expect(res.status).toBe(201);
    expect(res.body.expiresIn).toBe(300);
    expect(res.body.url).toBe(`${QUEUE_BOARD_PREFIX}?ticket=${encodeURIComponent(res.body.ticket)}`);
    return res.body.ticket;
  }

  /** A ticket-shaped token signed with the server secret, to prove what the hook checks besides the signature. */
  function signed(
    claims: Record<string, unknown>,
    sub: string,
    exp: number | string,
    key = t.config.sessionSecret,
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer('healthcode')
      .setAudience('queue-board')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(exp)
      .sign(createSecretKey(key));
  }

  it('refuses the board without a ticket: the page, its API and its assets', async () => {
    for (const path of [
      QUEUE_BOARD_PREFIX,
      `${QUEUE_BOARD_PREFIX}/`,
      `${QUEUE_BOARD_PREFIX}/api/queues`,
      `${QUEUE_BOARD_PREFIX}/static/index.html`,
    ]) {
      const res = await http.get(path);
      expect({ path, status: res.status, code: res.body?.code }).toEqual({
        path,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    // A bearer session is not a ticket, not even a system admin's.
    expect((await http.get(`${QUEUE_BOARD_PREFIX}/api/queues`, admin.token)).status).toBe(401);
    expect((await http.get(`${QUEUE_BOARD_PREFIX}?ticket=${admin.token}`)).status).toBe(401);
  });

  it('gives tickets to system admins only', async () => {
    expect((await http.post('/api/v1/admin/queues/session', {})).status).toBe(401);
    for (const role of ['region-admin', 'supervisor', 'auditor', 'hotline-agent'] as const) {
      const res = await http.post('/api/v1/admin/queues/session', {}, (await ctx.newStaff(role, '')).token);
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    expect((await http.post('/api/v1/admin/queues/session', {}, (await ctx.newResident()).token)).status).toBe(403);
  });

  it("opens the board with an admin's ticket, sets a path-limited cookie, and its API lists every queue, the worker-only maintenance queue included", async () => {
    const ticket = await ticketOf(admin);
    const page = await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}?ticket=${encodeURIComponent(ticket)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`<base href="${QUEUE_BOARD_PREFIX}/"`);
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${QUEUE_BOARD_COOKIE}=`));
    expect(cookie).toContain(`Path=${QUEUE_BOARD_PREFIX}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeLessThanOrEqual(300);
    // The board's script and its XHRs carry only the cookie.
    const jar = { cookie: cookie.split(';')[0] };
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/${script}`, { headers: jar });
    expect(asset.status).toBe(200);
    await asset.arrayBuffer();
    const api = await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/api/queues`, { headers: jar });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    const every = Object.entries(QUEUE_CONSTANTS)
      .filter(([key]) => key.endsWith('_QUEUE'))
      .map(([, name]) => name)
      .sort();
    expect(every).toEqual(['appeals', 'maintenance', 'notifications', 'rescore']);
    expect(names).toEqual(every);
    // The ticket works as a query parameter too, and never as a bearer session elsewhere in the API.
    expect((await http.get(`${QUEUE_BOARD_PREFIX}/api/queues?ticket=${encodeURIComponent(ticket)}`)).status).toBe(200);
    expect((await http.get('/api/v1/staff/me', ticket)).status).toBe(401);
  });

  it('refuses expired, forged and wrong-purpose tickets', async () => {
    const claims = { typ: 'queue-board', role: 'system-admin', scope: '' };
    const expired = await signed(claims, admin.id, Math.floor(Date.now() / 1000) - 1);
    const forged = await signed(claims, admin.id, '5m', Buffer.alloc(32, 7));
    const session = await signed({ typ: 'staff', role: 'system-admin', scope: '' }, admin.id, '5m');
    const real = await ticketOf(admin);
    const tampered = `${real.slice(0, -4)}${real.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    for (const [name, ticket] of Object.entries({ expired, forged, session, tampered, garbage: 'not-a-jwt' })) {
      const byQuery = await http.get(`${QUEUE_BOARD_PREFIX}/api/queues?ticket=${encodeURIComponent(ticket)}`);
      const byCookie = await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/api/queues`, {
        headers: { cookie: `${QUEUE_BOARD_COOKIE}=${encodeURIComponent(ticket)}` },
      });
      expect({ name, query: byQuery.status, cookie: byCookie.status }).toEqual({ name, query: 401, cookie: 401 });
    }
  });

  it("ends an admin's ticket when the account is disabled", async () => {
    const other = await ctx.newStaff('system-admin', '');
    const ticket = await ticketOf(other);
    expect((await http.get(`${QUEUE_BOARD_PREFIX}/api/queues?ticket=${encodeURIComponent(ticket)}`)).status).toBe(200);
    expect((await http.post(`/api/v1/staff/accounts/${other.id}/disable`, {}, admin.token)).status).toBeLessThan(300);
    expect((await http.get(`${QUEUE_BOARD_PREFIX}/api/queues?ticket=${encodeURIComponent(ticket)}`)).status).toBe(401);
  });

  it('puts every board route in the inventory the permission and fuzz tests walk, `/api/admin/queues/` included', () => {
    const board = registeredRoutes(t.app.getHttpAdapter().getInstance())
      .filter((r) => r.url.startsWith(QUEUE_BOARD_PREFIX))
      .map((r) => `${r.method} ${r.url}`);
    expect(board).toEqual(
      expect.arrayContaining([
        `GET ${QUEUE_BOARD_PREFIX}`,
        `GET ${QUEUE_BOARD_PREFIX}/`,
        `HEAD ${QUEUE_BOARD_PREFIX}/`,
        `GET ${QUEUE_BOARD_PREFIX}/api/queues`,
      ]),
    );
  });

  it('audits every board action (who, what, which queue and job) before it runs, and no read', async () => {
    const db = t.app.get(DataSource);
    const queue = t.app.get<Queue>(getQueueToken(QUEUE_CONSTANTS.MAINTENANCE_QUEUE), { strict: false });
    const job = await queue.add('board-audit-probe', {}, { delay: 3_600_000 });
    const ticket = await ticketOf(admin);
    const jar = { cookie: `${QUEUE_BOARD_COOKIE}=${encodeURIComponent(ticket)}` };
    const entries = async () =>
      (await db.query(
        "SELECT LOWER(HEX(actor_id)) AS actor, actor_role, target_type, target_id, details FROM audit_log WHERE action = 'queue.board-action' ORDER BY seq",
      )) as { actor: string; actor_role: string; target_type: string; target_id: string; details: unknown }[];
    const before = (await entries()).length;
    // Reads are not actions.
    expect((await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/api/queues`, { headers: jar })).status).toBe(200);
    expect(await entries()).toHaveLength(before);
    const board = (method: string, path: string) =>
      fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/api/queues/${path}`, { method, headers: jar });
    expect((await board('PUT', `maintenance/${job.id}/promote`)).status).toBeLessThan(300);
    expect((await board('PUT', `maintenance/${job.id}/clean`)).status).toBeLessThan(300);
    expect((await board('PUT', 'maintenance/clean/failed')).status).toBeLessThan(300);
    expect(await queue.getJob(job.id)).toBeNull();
    // Without a valid ticket nothing runs and nothing is recorded beyond the refusal.
    expect(
      (await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/api/queues/maintenance/clean/completed`, { method: 'PUT' }))
        .status,
    ).toBe(401);

    const added = (await entries()).slice(before).map((e) => ({
      ...e,
      details: typeof e.details === 'string' ? JSON.parse(e.details) : e.details,
    }));
    expect(added.map((e) => e.details.action)).toEqual(['promote', 'clean', 'clean']);
    expect(
      added.every(
        (e) =>
          e.actor === admin.id.replace(/-/g, '') &&
          e.actor_role === 'system-admin' &&
          e.target_type === 'queue' &&
          e.target_id === 'maintenance',
      ),
    ).toBe(true);
    expect(added[1].details).toMatchObject({
      method: 'PUT',
      jobId: String(job.id),
      route: '/api/queues/:queueName/:jobId/clean',
    });
    expect(added[2].details).toMatchObject({ queueStatus: 'failed' });
  });

  it('refuses an action with 503, and does not run it, when its audit entry cannot be written', async () => {
    const db = t.app.get(DataSource);
    const queue = t.app.get<Queue>(getQueueToken(QUEUE_CONSTANTS.MAINTENANCE_QUEUE), { strict: false });
    // A real write failure, limited to this test's own job: the database itself refuses the entry that names it
    // (this file's database only; nothing in the API is mocked).
    const jobId = `audit-fault-${Date.now()}`;
    await db.query(
      `CREATE TRIGGER audit_fault_probe BEFORE INSERT ON audit_log FOR EACH ROW
         IF NEW.action = 'queue.board-action' AND JSON_UNQUOTE(JSON_EXTRACT(NEW.details, '$.jobId')) = '${jobId}' THEN
           SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit write refused by the test';
         END IF`,
    );
    try {
      const job = await queue.add('board-audit-fault', {}, { delay: 3_600_000, jobId });
      const ticket = await ticketOf(admin);
      const jar = { cookie: `${QUEUE_BOARD_COOKIE}=${encodeURIComponent(ticket)}` };
      const count = async () =>
        Number(
          (
            (await db.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'queue.board-action'")) as {
              n: string;
            }[]
          )[0].n,
        );
      const before = await count();
      for (const action of ['promote', 'clean']) {
        const res = await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/api/queues/maintenance/${jobId}/${action}`, {
          method: 'PUT',
          headers: jar,
        });
        expect({ action, status: res.status }).toEqual({ action, status: 503 });
        const body = (await res.json()) as { code: string; message: string };
        expect(body.code).toBe('INTERNAL');
        expect(body.message).toContain('could not be recorded in the audit log');
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
      // Neither action ran: the job is still there and still delayed; nothing was recorded.
      expect(await (await queue.getJob(job.id))?.getState()).toBe('delayed');
      expect(await count()).toBe(before);
      // Other actions are still audited and run: the fault is this job's alone.
      expect(
        (
          await fetch(`${t.baseUrl}${QUEUE_BOARD_PREFIX}/api/queues/maintenance/clean/failed`, {
            method: 'PUT',
            headers: jar,
          })
        ).status,
      ).toBeLessThan(300);
      expect(await count()).toBe(before + 1);
      await job.remove();
    } finally {
      await db.query('DROP TRIGGER IF EXISTS audit_fault_probe');
    }
  });

  it('names each board route as an action', () => {
    expect(
      boardAction('PUT', `${QUEUE_BOARD_PREFIX}/api/queues/:queueName/:jobId/retry`, {
        queueName: 'rescore',
        jobId: '7',
      }),
    ).toEqual({
      action: 'retry',
      queue: 'rescore',
      details: { action: 'retry', method: 'PUT', route: '/api/queues/:queueName/:jobId/retry', jobId: '7' },
    });
    expect(
      boardAction('PUT', `${QUEUE_BOARD_PREFIX}/api/queues/:queueName/retry/:queueStatus`, {
        queueName: 'a',
        queueStatus: 'failed',
      }).action,
    ).toBe('retry');
    expect(boardAction('PUT', `${QUEUE_BOARD_PREFIX}/api/queues/pause`, {})).toMatchObject({
      action: 'pause',
      queue: null,
    });
    expect(
      boardAction('PUT', `${QUEUE_BOARD_PREFIX}/api/queues/:queueName/rate-limit/release`, { queueName: 'a' }).action,
    ).toBe('rate-limit-release');
  });
});
