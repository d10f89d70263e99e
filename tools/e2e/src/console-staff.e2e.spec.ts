import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium } from './browser.util';
import { seriousViolations } from './axe.util';
import { api, shotsDir, staffLogin } from './console-harness.util';
import { totpCode } from './staff-login.util';
import { type RunningServer, startBuiltServer } from './server.util';

const SECOND_ADMIN = 'second.admin';
const SECOND_PASSWORD = 'second admin long passphrase';
const NEW_SUPERVISOR = 'new.supervisor';
const NEW_PASSWORD = 'a long new supervisor passphrase';

async function openStaffPage(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console/#/staff`);
  await page.getByRole('heading', { level: 1, name: 'Staff management' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 15_000 });
}

/**
 * Staff management in Chromium against the built API: one system-admin asks for a supervisor, a second one
 * approves, and the new supervisor enrolls their own authenticator at their first sign-in.
 */
describe('staff management in the console, with a second admin’s approval (e2e)', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let secondSecret: string;

  beforeAll(async () => {
    server = await startBuiltServer({ mode: 'demo' });
    chromium = await launchChromium();
    mkdirSync(shotsDir, { recursive: true });
    // The demo seeds one system-admin; production's bootstrap creates two, and so does this test.
    const out = await server.runCli('staff-bootstrap-admin', [`--username=${SECOND_ADMIN}`], {
      STAFF_BOOTSTRAP_PASSWORD: SECOND_PASSWORD,
    });
    secondSecret = /TOTP secret: (\S+)/.exec(out)![1];
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('an admin asks for a supervisor, cannot approve it, a second admin approves, the supervisor enrolls and signs in', async () => {
    const admin = await staffLogin(chromium.browser, server, 'system-admin');
    await admin.getByRole('navigation').first().getByText('Staff', { exact: false }).first().click();
    await admin.getByRole('heading', { level: 1, name: 'Staff management' }).waitFor();
    await admin.getByText('No role grant is waiting for approval.').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);

    const form = admin.locator('form#create-staff');
    await form.getByLabel('Username').fill(NEW_SUPERVISOR);
    await form.getByLabel('Name', { exact: true }).fill('New Supervisor');
    await form.getByRole('combobox', { name: 'Role' }).click();
    await admin.locator('.ant-select-item-option[title="Hotline supervisor"]').click();
    await form.getByLabel('Region scope').fill('33');
    await form.getByLabel('Initial password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await admin.getByText('Account created; it stays disabled').waitFor();
    const accountRow = admin.getByRole('row', { name: new RegExp(NEW_SUPERVISOR) });
    await accountRow.getByText('Awaiting approval').waitFor();
    await accountRow.getByText('Disabled').waitFor();
    // The requester sees why there is no button: a second admin decides.
    await admin.getByText('You asked for this: a second system administrator decides it').first().waitFor();
    expect(await admin.getByRole('button', { name: 'Approve the role grant for New Supervisor' }).count()).toBe(0);
    expect(await seriousViolations(admin)).toEqual([]);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await admin.getByRole('heading', { level: 1, name: 'Staff management' }).scrollIntoViewIfNeeded();
      writeFileSync(join(shotsDir, 'console-staff.png'), await admin.screenshot({ fullPage: false }));
    }

    // The new account cannot sign in before approval.
    const early = await api(server.baseUrl).post('/api/v1/staff/login', {
      username: NEW_SUPERVISOR,
      password: NEW_PASSWORD,
    });
    expect(early.body.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    const earlyEnroll = await api(server.baseUrl).post('/api/v1/staff/login/enroll', {
      username: NEW_SUPERVISOR,
      password: NEW_PASSWORD,
    });
    expect(earlyEnroll.status).toBe(403);
    await admin.context().close();

    const second = await staffLogin(chromium.browser, server, SECOND_ADMIN, {
      password: SECOND_PASSWORD,
      totpSecret: secondSecret,
    });
    await openStaffPage(second, server.baseUrl);
    await second.getByRole('button', { name: 'Approve the role grant for New Supervisor' }).click();
    await second.getByRole('button', { name: 'Confirm' }).click();
    await second.getByText('Approved.').waitFor();
    await second.getByText('No role grant is waiting for approval.').waitFor();
    const approvedRow = second.getByRole('row', { name: new RegExp(NEW_SUPERVISOR) });
    await approvedRow.getByText('Active').waitFor();
    await approvedRow.getByText('Set up at next sign-in').waitFor();
    await second.context().close();

    // First sign-in: the console shows a QR code and the key; the first code completes the enrollment.
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/console/#/login`, { waitUntil: 'networkidle' });
    await page.getByText('English', { exact: true }).first().click();
    await page.getByLabel('Username').fill(NEW_SUPERVISOR);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Set up your authenticator' }).waitFor();
    await page.getByRole('img', { name: 'QR code to set up your authenticator' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const key = (await page.getByTestId('totp-enroll-secret').innerText()).trim();
    await page.getByLabel('Verification code').fill(await totpCode(key));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('navigation').first().waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('an admin disables an agent after confirming, and resets an authenticator', async () => {
    const admin = await staffLogin(chromium.browser, server, 'system-admin');
    await openStaffPage(admin, server.baseUrl);
    await admin.getByRole('button', { name: 'Disable Demo hotline-agent' }).click();
    // The API's answer first, then the page: a failure then says which of the two did not happen (a fresh-clone run
    // once waited 30 s for the row's "Disabled" with nothing else to go on).
    const answered = admin.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        /\/api\/v1\/staff\/accounts\/[^/]+\/disable$/.test(new URL(r.url()).pathname),
    );
    await admin.getByRole('button', { name: 'Confirm' }).click();
    const answer = await answered;
    expect({ status: answer.status(), body: answer.ok() ? null : await answer.text() }).toEqual({
      status: 200,
      body: null,
    });
    await admin
      .getByRole('row', { name: /Demo hotline-agent/ })
      .getByText('Disabled')
      .waitFor();
    const refused = await api(server.baseUrl).post('/api/v1/staff/login', {
      username: 'hotline-agent',
      password: 'healthcode-demo',
    });
    expect(refused.status).toBe(403);

    await admin.getByRole('button', { name: 'Reset authenticator of Demo region-admin' }).click();
    await admin.getByRole('button', { name: 'Confirm' }).click();
    await admin
      .getByRole('row', { name: /Demo region-admin/ })
      .getByText('Set up at next sign-in')
      .waitFor();
    await admin.context().close();
  });
});
