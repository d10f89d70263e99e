import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createRemoteJWKSet, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { launchChromium } from './browser.util';
import { type RunningServer, startBuiltServer } from './server.util';

/** Screenshots land in docs/screenshots with UPDATE_SCREENSHOTS=1, otherwise beside the test results. */
const shotsDir =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '../../../docs/screenshots')
    : join(__dirname, '../../../.test-results/screenshots');

async function signInToCode(page: Page, baseUrl: string, demoName: string) {
  await page.goto(`${baseUrl}/app/`, { waitUntil: 'networkidle' });
  await page.locator('[aria-label="English"]').first().click();
  await page.locator('[aria-label="Demo user name"] input, input[aria-label="Demo user name"]').first().fill(demoName);
  await page.locator('#login-submit').click();
  const card = page.locator('[aria-label="health code"]');
  await card.waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="qr-code"]').waitFor();
  await page.waitForTimeout(300);
  return card;
}

/** Finds and decodes the QR code in a screenshot, as a checkpoint camera would. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return (
    jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
      ?.data ?? null
  );
}

describe('the resident code page in Chromium (H5 build, real API)', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startBuiltServer();
    chromium = await launchChromium();
    mkdirSync(shotsDir, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it.each([
    ['demo', 'green', 'Green – travel freely'],
    ['demo1', 'red', 'Red – quarantine'],
    ['demo2', 'yellow', 'Yellow – stay home'],
  ])(
    'shows %s a %s code with its label, reasons and a QR that verifies against the JWKS',
    async (demoName, color, label) => {
      const context = await chromium.browser.newContext({
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const card = await signInToCode(page, server.baseUrl, demoName);
      expect(await card.getAttribute('data-color')).toBe(color);
      expect(await page.locator('body').innerText()).toContain(label);
      if (color !== 'green') {
        expect(await page.locator('[aria-label="reason 1"]').innerText()).toMatch(/\(\d{6}\)|symptom|fever|Fever/i);
        expect(await page.locator('[aria-label="green outlook"]').innerText()).not.toEqual('');
      }
      // The page scrolls inside Taro's own container: a tall viewport shows the reasons in one picture.
      await page.setViewportSize({ width: 375, height: 1300 });
      await page.waitForTimeout(200);
      const shot = await page.screenshot();
      writeFileSync(join(shotsDir, `code-${color}.png`), shot);
      const token = decodeQr(await page.locator('[data-testid="qr-code"]').screenshot());
      expect(token).not.toBeNull();
      const { payload } = await jwtVerify(
        token as string,
        createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`)),
        { algorithms: ['ES256'] },
      );
      expect(payload.col).toBe(color);
      await context.close();
    },
  );
});
