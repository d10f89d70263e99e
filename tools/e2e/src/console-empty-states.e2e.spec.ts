import type { Page } from 'playwright-core';

import { launchChromium } from './browser.util';
import { seriousViolations } from './axe.util';
import { staffLogin } from './console-harness.util';
import { type RunningServer, startBuiltServer } from './server.util';

/** Opens a screen, waits until its requests and spinners have settled, and checks that `empty` is what it shows. */
async function emptyScreen(page: Page, baseUrl: string, screen: string, empty: string): Promise<string[]> {
  await page.goto(`${baseUrl}/console/#/${screen}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 15_000 });
  await page.getByText(empty, { exact: true }).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  return (await seriousViolations(page)).map((v) => `${screen}: ${v}`);
}

/**
 * Empty states on a server of their own, where by construction no appeal, import or checkpoint exists: they are
 * checked here, whatever the other browser tests create on theirs.
 */
describe('the console in its empty states has no serious or critical axe violations (e2e)', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startBuiltServer({ mode: 'demo' });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('a supervisor: no decided appeal on the dashboard, no appeal in the queue, no decision to approve', async () => {
    const page = await staffLogin(chromium.browser, server, 'supervisor');
    const problems = [
      ...(await emptyScreen(page, server.baseUrl, 'dashboard', 'No appeal decided yet.')),
      ...(await emptyScreen(page, server.baseUrl, 'appeals', 'No appeals match.')),
    ];
    await page.getByRole('tab', { name: 'Awaiting my approval' }).click();
    await page.getByText('No decisions wait for your approval.').waitFor();
    problems.push(...(await seriousViolations(page)).map((v) => `approvals: ${v}`));
    // The default language too.
    await page.getByText('中文', { exact: true }).first().click();
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(500);
    problems.push(...(await seriousViolations(page)).map((v) => `approvals (zh-CN): ${v}`));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('a region admin: no import and no checkpoint yet', async () => {
    const page = await staffLogin(chromium.browser, server, 'region-admin');
    const problems = [
      ...(await emptyScreen(page, server.baseUrl, 'imports', 'No imports yet.')),
      ...(await emptyScreen(page, server.baseUrl, 'checkpoints', 'No checkpoint registered yet.')),
    ];
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
