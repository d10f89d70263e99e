import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { demoResidents } from '@healthcode/seed';
import type { Locator } from 'playwright-core';

import { launchChromium } from './browser.util';
import { type ConsoleServer, shotsDir, staffLogin, startConsoleServer } from './console-harness.util';
import { mobilePage, signInAs } from './miniapp-page.util';

/**
 * The text lines of one part of the code view, whatever the layout: separators, the colour icons and the
 * resident's own appeal buttons (which the hotline has no use for) are left out.
 */
async function lines(part: Locator): Promise<string[]> {
  const text = await part.innerText();
  return text
    .split(/\n| · /)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^[✓!✕→]$/.test(line) && !/^Appeal (this reason|#\d+)/.test(line))
    .sort();
}

/** Where each part of the code view is: the mini-program names its parts, the console marks them for tests. */
const H5 = {
  reason: (n: number) => `[aria-label="reason ${n}"]`,
  steps: '[aria-label="steps"]',
  outlook: '[aria-label="green outlook"]',
  colour: '.code-card__label',
};
const CONSOLE = {
  reason: (n: number) => `[data-testid="reason-${n}"]`,
  steps: '[data-testid="steps"]',
  outlook: '[data-testid="green-outlook"]',
  colour: '[data-testid="code-colour"]',
};

/** Reasons, steps, the green-by line and the colour's label, each as its lines. */
async function codeView(scope: Locator, at: typeof H5) {
  const reasons: string[][] = [];
  for (let n = 1; (await scope.locator(at.reason(n)).count()) > 0; n++)
    reasons.push(await lines(scope.locator(at.reason(n))));
  const steps = scope.locator(at.steps);
  const outlook = scope.locator(at.outlook);
  return {
    reasons,
    steps: (await steps.count()) > 0 ? await lines(steps) : [],
    outlook: (await outlook.count()) > 0 ? (await outlook.innerText()).trim() : null,
    colour: (await scope.locator(at.colour).first().innerText()).trim(),
  };
}

/**
 * "The hotline lookup shows exactly what the resident sees": the resident's code page (H5 build) and an agent's
 * lookup of the same resident (console), both in English against one real API, show the same reasons, sources,
 * dates, rules, steps, progress and green-by line.
 */
describe('the hotline lookup shows the code as the resident sees it (Chromium, e2e)', () => {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startConsoleServer();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it.each([
    [1, 'red'],
    [3, 'yellow'],
  ])('demo resident %i (%s): code page and lookup show the same lines', async (index) => {
    const resident = demoResidents(new Date())[index];

    const { context, page: app } = await mobilePage(chromium.browser);
    await signInAs(app, server.baseUrl, resident.hostUser);
    await app.locator('[aria-label="health code"]').waitFor({ timeout: 20_000 });
    await app.locator('[aria-label="reason 1"]').waitFor();
    const seen = await codeView(app.locator('body'), H5);
    await context.close();

    const agent = await staffLogin(chromium.browser, server, 'hotline-agent');
    await agent.goto(`${server.baseUrl}/console/#/lookup`);
    await agent.getByLabel('Call reference').fill(`CALL-PARITY-${index}`);
    await agent.getByLabel('ID number').fill(resident.idNumber);
    await agent.getByRole('button', { name: 'Look up' }).click();
    const view = agent.getByTestId('code-view');
    await view.waitFor({ timeout: 20_000 });
    const told = await codeView(view, CONSOLE);
    if (index === 1) {
      mkdirSync(shotsDir, { recursive: true });
      await view.scrollIntoViewIfNeeded();
      writeFileSync(join(shotsDir, 'console-lookup-code.png'), await agent.screenshot());
    }
    await agent.context().close();

    expect(seen.reasons.length).toBeGreaterThan(0);
    expect(seen.outlook).not.toBeNull();
    expect(told).toEqual(seen);
  });
});
