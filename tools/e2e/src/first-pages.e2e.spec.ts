import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, ConsoleMessage, Page } from 'playwright-core';

import { launchChromium } from './browser.util';
import { type RunningServer, startBuiltServer } from './server.util';

/** Loads a page and collects console errors and failed requests while it settles. */
async function visit(browser: Browser, url: string, options: { isMobile?: boolean } = {}) {
  const context = await browser.newContext(
    options.isMobile
      ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 800 } },
  );
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors, close: () => context.close() };
}

describe('the built front ends load in Chromium without console errors (e2e)', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startBuiltServer();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('serves the console login page', async () => {
    const v = await visit(chromium.browser, `${server.baseUrl}/console/`);
    await v.page
      .getByLabel(/用户名|username/i)
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await v.page.getByLabel(/密码|password/i).count()).toBeGreaterThan(0);
    expect(v.errors).toEqual([]);
    const dir =
      process.env.UPDATE_SCREENSHOTS === '1'
        ? join(__dirname, '../../../docs/screenshots')
        : join(__dirname, '../../../.test-results/screenshots');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'console-login.png'), await v.page.screenshot());
    await v.close();
  });

  it("serves the mini-program's first page (H5)", async () => {
    const v = await visit(chromium.browser, `${server.baseUrl}/app/`, { isMobile: true });
    await v.page.waitForFunction(() => (document.body.innerText ?? '').trim().length > 0, undefined, {
      timeout: 15_000,
    });
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('serves the OpenAPI document, readiness and the key set', async () => {
    const doc = await (await fetch(`${server.baseUrl}/api/docs/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/me/code', '/api/v1/auth/host-login', '/.well-known/jwks.json']),
    );
    const ready = await fetch(`${server.baseUrl}/api/ready`);
    expect(ready.status).toBe(200);
    const jwks = await (await fetch(`${server.baseUrl}/.well-known/jwks.json`)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.keys[0].d).toBeUndefined();
  });
});
