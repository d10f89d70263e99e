import { addDays, cstDate } from '@healthcode/contracts';
import { demoResidents } from '@healthcode/seed';

import { launchChromium } from './browser.util';
import { seriousViolations } from './axe.util';
import { staffLogin } from './console-harness.util';
import { type RunningServer, startBuiltServer } from './server.util';
import { staffApiToken } from './staff-login.util';

const apiToken = (server: RunningServer, username: string) =>
  staffApiToken(server.baseUrl, username, server.totpSecrets[username]);

/**
 * Contact tracing in Chromium against the built API: an agent asks for a confirmed case's scans, a supervisor
 * approves, and the agent reads them (each step with its status on the page).
 */
describe('contact-tracing requests in the console (e2e)', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let residentId: string;

  beforeAll(async () => {
    server = await startBuiltServer({ mode: 'demo' });
    chromium = await launchChromium();
    // A demo resident becomes a confirmed case through the authority feed, as a health commission would send it.
    const resident = demoResidents(new Date())[1];
    const form = new FormData();
    const csv = `id_number,date,status,cleared_date,region\n${resident.idNumber},${addDays(cstDate(new Date()), -1)},confirmed,,330106\n`;
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'cases.csv');
    // Imports are staged: one administrator uploads, a second one in scope applies the file.
    const staged = await fetch(`${server.baseUrl}/api/v1/admin/imports?kind=cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await apiToken(server, 'region-admin')}` },
      body: form,
    });
    const stagedBody = await staged.json();
    if (staged.status !== 202) throw new Error(`upload: ${staged.status} ${JSON.stringify(stagedBody)}`);
    const applied = await fetch(`${server.baseUrl}/api/v1/admin/imports/${stagedBody.id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await apiToken(server, 'system-admin')}` },
    });
    if (applied.status !== 200) throw new Error(`approval: ${applied.status} ${await applied.text()}`);
    const lookup = await fetch(`${server.baseUrl}/api/v1/staff/lookup`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await apiToken(server, 'hotline-agent')}`,
      },
      body: JSON.stringify({ idNumber: resident.idNumber, purpose: { kind: 'hotline-call', callRef: 'CALL-TRACE-1' } }),
    });
    const found = await lookup.json();
    if (lookup.status !== 200) throw new Error(`lookup: ${lookup.status} ${JSON.stringify(found)}`);
    residentId = found.items[0].residentId;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('an agent requests, a supervisor approves, the agent reads the scans', async () => {
    const agent = await staffLogin(chromium.browser, server, 'hotline-agent');
    await agent.getByRole('menuitem', { name: 'Contact tracing' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Contact-tracing requests' }).waitFor();
    await agent
      .getByText('No request matches.')
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await agent.locator('main').innerText()}`);
      });
    expect(await seriousViolations(agent)).toEqual([]);
    const form = agent.locator('form#tracing-request');
    await form.getByLabel('Resident ID').fill(residentId);
    await form.getByLabel('Case reference').fill('HZ-CASE-42');
    await form.getByLabel('Justification').fill('Confirmed case: find the places visited');
    await form.getByRole('button', { name: 'Submit request' }).click();
    await agent.getByText('Requested: waiting for a different supervisor’s approval.').waitFor();
    const row = agent.getByRole('row', { name: /HZ-CASE-42/ });
    await row.getByText('Pending').waitFor();
    // An agent decides nothing.
    expect(await agent.getByRole('button', { name: /Approve the tracing request/ }).count()).toBe(0);

    const supervisor = await staffLogin(chromium.browser, server, 'supervisor');
    await supervisor.goto(`${server.baseUrl}/console/#/tracing`);
    await supervisor.getByRole('button', { name: 'Approve the tracing request for case HZ-CASE-42' }).click();
    await supervisor.getByRole('button', { name: 'Confirm' }).click();
    await supervisor.getByText('Approved.').waitFor();
    await supervisor
      .getByRole('row', { name: /HZ-CASE-42/ })
      .getByText('Approved')
      .waitFor();
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.context().close();

    await agent.reload();
    await agent.locator('.ant-segmented-item', { hasText: 'Approved' }).click();
    await agent.getByRole('button', { name: 'View scans of case HZ-CASE-42' }).click();
    const drawer = agent.getByRole('dialog');
    await drawer.getByText('This read is audited and shown in the resident’s access log.').waitFor();
    await drawer.getByText('No scans.').waitFor();
    await agent.context().close();
  });
});
