import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { checkpointWithDevice, scanId, staffToken } from './checkpoint-fixtures';

describe('contact tracing: the only staff view of one person’s scans (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let admin: string;
  let agent: { id: string; token: string };
  let supervisor: { id: string; token: string };
  let otherSupervisor: { id: string; token: string };

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2020-02-20T02:00:00Z' });
    ({ t, http } = ctx);
    admin = (await staffToken(t, 'region-admin', '33')).token;
    agent = await staffToken(t, 'hotline-agent', '3301');
    supervisor = await staffToken(t, 'supervisor', '3301');
    otherSupervisor = await staffToken(t, 'supervisor', '33');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  async function residentWithScans() {
    const resident = await ctx.newResident();
    // The session token's subject is the resident id (staff find it through an authorised lookup).
    const residentId = JSON.parse(Buffer.from(resident.token.split('.')[1], 'base64url').toString()).sub;
    const cp = await checkpointWithDevice(http, admin);
    const code = await http.get('/api/v1/me/code', resident.token);
    const scan = await http.post(
      `/api/v1/checkpoints/${cp.checkpoint.id}/scans`,
      { token: code.body.token, clientScanId: scanId(), scannedAt: t.clock.now().toISOString() },
      undefined,
      cp.auth,
    );
    expect(scan.status).toBe(200);
    return { ...resident, residentId: residentId as string, checkpoint: cp.checkpoint };
  }

  const confirmCase = (idNumber: string) => ctx.newConfirmedCase(idNumber, { daysAgo: 0 });

  it('offers no route that lists scans by person', async () => {
    const { checkpoint } = await residentWithScans();
    for (const path of [
      `/api/v1/checkpoints/${checkpoint.id}/scans`,
      '/api/v1/scans',
      `/api/v1/checkpoints/${checkpoint.id}/scans?codeId=x`,
    ]) {
      expect([404, 405]).toContain((await http.get(path, admin)).status);
    }
  });

  it('refuses a request for someone who is not a confirmed case', async () => {
    const { residentId } = await residentWithScans();
    const res = await http.post(
      '/api/v1/tracing-requests',
      { residentId, caseReference: 'HZ-2020-0001', justification: 'Tracing contacts of a case' },
      agent.token,
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/confirmed case/);
  });

  it('request by an agent, approval by a supervisor, read audited in the resident’s access log', async () => {
    const resident = await residentWithScans();
    expect(resident.residentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await confirmCase(resident.idNumber);

    const created = await http.post(
      '/api/v1/tracing-requests',
      {
        residentId: resident.residentId,
        caseReference: 'HZ-2020-0002',
        justification: 'Confirmed case: find places visited',
      },
      agent.token,
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending');
    const id = created.body.id as string;

    // Not readable before approval; checkpoint admins cannot request or read at all.
    expect((await http.get(`/api/v1/tracing-requests/${id}/scans`, agent.token)).status).toBe(403);
    expect((await http.get(`/api/v1/tracing-requests/${id}/scans`, admin)).status).toBe(403);
    expect((await http.post(`/api/v1/tracing-requests/${id}/decision`, { approve: true }, agent.token)).status).toBe(
      403,
    );

    const pending = await http.get('/api/v1/tracing-requests?status=pending', supervisor.token);
    expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(id);
    // An agent sees their own requests with their status, and nobody else's.
    const own = await http.get('/api/v1/tracing-requests', agent.token);
    expect(own.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'pending' });
    const otherAgent = await staffToken(t, 'hotline-agent', '3301');
    expect(
      (await http.get('/api/v1/tracing-requests', otherAgent.token)).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(id);
    expect((await http.get('/api/v1/tracing-requests?status=maybe', agent.token)).status).toBe(400);

    const approved = await http.post(
      `/api/v1/tracing-requests/${id}/decision`,
      { approve: true, note: 'Case confirmed by CDC' },
      supervisor.token,
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: supervisor.id });
    expect(
      (await http.get('/api/v1/tracing-requests?status=approved', agent.token)).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).toContain(id);
    expect(
      (await http.post(`/api/v1/tracing-requests/${id}/decision`, { approve: false }, otherSupervisor.token)).status,
    ).toBe(409);

    const read = await http.get(`/api/v1/tracing-requests/${id}/scans`, agent.token);
    expect(read.status).toBe(200);
    expect(read.body.items).toHaveLength(1);
    expect(read.body.items[0]).toMatchObject({
      checkpointName: '龙翔桥站 A 口',
      place: 'Longxiangqiao station, exit A',
      color: 'green',
      admitted: true,
    });
    expect(JSON.stringify(read.body)).not.toContain(resident.idNumber);

    const log = await http.get('/api/v1/me/access-log', resident.token);
    expect(
      log.body.items.some(
        (e: { scope: string; purpose: string; role: string }) =>
          e.scope === 'scans' && e.role === 'hotline-agent' && e.purpose.includes('HZ-2020-0002'),
      ),
    ).toBe(true);
  });

  it('a supervisor cannot approve their own request', async () => {
    const resident = await residentWithScans();
    await confirmCase(resident.idNumber);
    const created = await http.post(
      '/api/v1/tracing-requests',
      { residentId: resident.residentId, caseReference: 'HZ-2020-0003', justification: 'Confirmed case' },
      supervisor.token,
    );
    expect(created.status).toBe(201);
    const self = await http.post(
      `/api/v1/tracing-requests/${created.body.id}/decision`,
      { approve: true },
      supervisor.token,
    );
    expect(self.status).toBe(403);
    expect(self.body.message).toMatch(/different supervisor/);
    expect(
      (
        await http.post(
          `/api/v1/tracing-requests/${created.body.id}/decision`,
          { approve: true },
          otherSupervisor.token,
        )
      ).status,
    ).toBe(200);
    expect((await http.get(`/api/v1/tracing-requests/${created.body.id}/scans`, otherSupervisor.token)).status).toBe(
      200,
    );
  });
});
