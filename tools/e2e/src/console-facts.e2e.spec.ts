import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { demoResidents } from '@healthcode/seed';
import type { Page } from 'playwright-core';

import { launchChromium } from './browser.util';
import { api, type ConsoleServer, shotsDir, staffLogin, startConsoleServer } from './console-harness.util';

const cstDate = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Polls the resident's colour until it is `color` (re-scoring runs in the worker). */
async function waitForColor(http: ReturnType<typeof api>, token: string, color: string, timeout = 60_000) {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    last = (await http.get('/api/v1/me/code', token)).body.color;
    if (last === color) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the code stayed ${last}, expected ${color}`);
}

/** Uploads a cases CSV on the imports page: staged, row checks only. Returns the import number shown. */
async function stageCases(page: Page, server: ConsoleServer, csv: string): Promise<string> {
  const file = join(tmpdir(), `cases-${Date.now()}.csv`);
  writeFileSync(file, csv);
  await page.goto(`${server.baseUrl}/console/#/imports`);
  // A fresh page: the heading below must be this upload's, not one left on screen from before.
  await page.reload();
  await page.getByRole('radio', { name: 'Cases' }).click();
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const heading = page.getByRole('heading', { name: /^Import #\d+ \(Cases\)/ });
  await heading.waitFor({ timeout: 20_000 });
  return /#(\d+)/.exec((await heading.textContent()) ?? '')![1];
}

/** The second administrator opens the staged import and applies it. */
async function approveImport(page: Page, server: ConsoleServer, seq: string): Promise<void> {
  await page.goto(`${server.baseUrl}/console/#/imports`);
  await page.reload();
  await page.getByRole('button', { name: `Open #${seq}` }).click();
  await page.getByRole('button', { name: 'Approve and apply' }).click();
  await page.getByText('Import applied; matched residents are being re-scored.').waitFor({ timeout: 20_000 });
}

/**
 * The paths back to green and the two-person rules of #14, through the console in Chromium against the real API
 * and worker: a cleared case staged by one administrator and applied by another, a district lowered on the day it
 * was raised, and a raise that waits for a supervisor.
 */
describe('facts that can be corrected, in the console (e2e)', () => {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let http: ReturnType<typeof api>;
  const demo = demoResidents(new Date());

  const residentToken = async (hostUser: string) =>
    (await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${hostUser}` })).body
      .accessToken as string;

  beforeAll(async () => {
    server = await startConsoleServer();
    chromium = await launchChromium();
    http = api(server.baseUrl);
    mkdirSync(shotsDir, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('a case staged by one administrator and applied by another turns a resident red; the cleared correction brings them back to green', async () => {
    const resident = demo[4];
    const token = await residentToken(resident.hostUser);
    await waitForColor(http, token, 'green');
    const header = 'id_number,date,status,cleared_date,region';
    const uploader = await staffLogin(chromium.browser, server, 'region-admin');
    const approver = await staffLogin(chromium.browser, server, 'system-admin');

    const first = await stageCases(
      uploader,
      server,
      `${header}\n${resident.idNumber},${cstDate(-20)},confirmed,,330106\n`,
    );
    // The uploader sees the row checks only, cannot apply their own upload, and nothing changed yet.
    await uploader.getByText(/a second staff member in your scope must apply it/).waitFor();
    expect(await uploader.getByRole('button', { name: 'Approve and apply' }).count()).toBe(0);
    expect((await http.get('/api/v1/me/code', token)).body.color).toBe('green');
    await approveImport(approver, server, first);
    await waitForColor(http, token, 'red');

    const cleared = cstDate(-15);
    const second = await stageCases(
      uploader,
      server,
      `${header}\n${resident.idNumber},${cstDate(-20)},confirmed,${cleared},330106\n`,
    );
    await approveImport(approver, server, second);
    await waitForColor(http, token, 'green');
    const history = (await http.get('/api/v1/me/code/history', token)).body.items;
    expect(history[0].causeText.en).toBe(`case record updated by import #${second}: cleared ${cleared}`);
    writeFileSync(join(shotsDir, 'console-import-approved.png'), await approver.screenshot());
    await uploader.context().close();
    await approver.context().close();
  });

  it('a district raised to high and lowered again on the same day is low that day', async () => {
    const resident = demo[9];
    const token = await residentToken(resident.hostUser);
    const today = cstDate();
    const declared = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330108', stays: [{ region: '330108', from: today, to: today }] },
      token,
    );
    expect(declared.status).toBe(201);
    await waitForColor(http, token, 'green');

    const admin = await staffLogin(chromium.browser, server, 'region-admin');
    await admin.goto(`${server.baseUrl}/console/#/rules`);
    const publish = async (level: 'High risk' | 'Low risk', label: RegExp) => {
      await admin.getByLabel('Go to a region code').fill('330108');
      await admin.getByLabel('Go to a region code').press('Enter');
      await admin.getByRole('heading', { name: /\(330108\)/ }).waitFor();
      await admin.getByRole('combobox', { name: /Risk level/ }).click();
      await admin.locator(`.ant-select-item-option[title="${level}"]`).click();
      await admin.getByRole('button', { name: 'Publish', exact: true }).click();
      const confirm = admin.getByRole('dialog');
      await confirm.getByText(label).waitFor();
      await confirm.getByRole('button', { name: 'Publish' }).click();
      await admin.getByText('Re-scoring finished.').waitFor({ timeout: 90_000 });
    };
    await publish('High risk', /becomes High risk/);
    await waitForColor(http, token, 'red');
    await admin.reload();
    await publish('Low risk', /becomes Low risk/);
    await waitForColor(http, token, 'green');
    // The editor resolves "level today" through libs/rules: the lowering decided last wins.
    await admin.getByText(/In force: Low risk/).waitFor();
    await admin.context().close();
  });

  it('a raise decided by an agent changes nothing until a supervisor approves it', async () => {
    // A yellow demo resident (a stay in a medium-risk district) appeals; the agent finds it should be red.
    const resident = demo[2];
    const token = await residentToken(resident.hostUser);
    const code = (await http.get('/api/v1/me/code', token)).body;
    expect(code.color).toBe('yellow');
    const reason = code.reasons.find((r: { color: string }) => r.color === 'yellow');
    const form = new FormData();
    form.append('ruleId', reason.ruleId);
    form.append('factKind', String(reason.fact.kind));
    const date = ['date', 'from', 'onset'].map((k) => reason.fact[k]).find((v) => typeof v === 'string');
    if (date) form.append('factDate', String(date));
    form.append('category', 'data-error');
    form.append('statement', 'I was in the district longer than the declaration says.');
    const filed = await http.post('/api/v1/me/appeals', form, token);
    expect(filed.status).toBe(201);
    const number = filed.body.number as number;

    const agent = await staffLogin(chromium.browser, server, 'hotline-agent');
    await agent.goto(`${server.baseUrl}/console/#/appeals`);
    await agent.getByRole('button', { name: `Open appeal #${number}` }).click();
    const drawer = agent.getByRole('dialog');
    await drawer.getByRole('button', { name: 'Start review' }).click();
    await drawer.getByRole('radio', { name: 'Corrected' }).click();
    await drawer.getByRole('combobox', { name: /colour/i }).click();
    await agent.locator('.ant-select-item-option[title="Red"]').click();
    await drawer.getByLabel('Until (exclusive)').click();
    await drawer.getByLabel('Until (exclusive)').fill(cstDate(10));
    await drawer.getByLabel('Until (exclusive)').press('Enter');
    // The emergency checkbox is there, left unticked: this raise waits.
    expect(await drawer.getByRole('checkbox', { name: /Emergency raise/ }).isChecked()).toBe(false);
    await drawer
      .getByLabel('Written reason')
      .fill('The resident stayed in the district until yesterday, not four days ago.');
    await drawer.getByRole('button', { name: 'Submit decision' }).click();
    await drawer.getByText('Waiting for a supervisor').waitFor({ timeout: 15_000 });
    expect((await http.get('/api/v1/me/code', token)).body.color).toBe('yellow');
    await agent.context().close();

    const supervisor = await staffLogin(chromium.browser, server, 'supervisor');
    await supervisor.goto(`${server.baseUrl}/console/#/appeals`);
    await supervisor.getByRole('tab', { name: 'Awaiting my approval' }).click();
    await supervisor.getByRole('button', { name: `Open appeal #${number}` }).click();
    await supervisor.getByRole('dialog').getByRole('button', { name: 'Approve and apply' }).click();
    await supervisor.getByRole('dialog').getByText('Approved', { exact: true }).waitFor({ timeout: 15_000 });
    await waitForColor(http, token, 'red');
    await supervisor.context().close();
  });
});
