import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { addDays, cstDate, residentIdCheckDigit } from '@healthcode/contracts';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { launchChromium } from './browser.util';
import { api, type DemoServer, startDemoServer } from './miniapp-demo-server.util';
import { input, pick, pickRegion, setUpCheckpointDevice, textarea } from './miniapp-page.util';

/** Screenshots land in docs/screenshots with UPDATE_SCREENSHOTS=1, otherwise beside the test results. */
const shotsDir =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '../../../docs/screenshots')
    : join(__dirname, '../../../.test-results/screenshots');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const DECISION = 'You travelled through Wuhan by train without leaving the station; the stay is corrected.';

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return (
    jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
      ?.data ?? null
  );
}

/** A resident ID with a correct check digit, unique per run. */
function residentId(): string {
  const first17 = `330106199003${String(10 + Math.floor(Math.random() * 18))}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

async function expectFitsScreen(page: Page, width: number) {
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    small: Array.from(document.querySelectorAll('taro-button-core'))
      .map((b) => b.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.height < 44 || r.width < 44))
      .map((r) => `${Math.round(r.width)}x${Math.round(r.height)}`),
  }));
  expect(layout.scrollWidth).toBeLessThanOrEqual(width);
  expect(layout.small).toEqual([]);
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  writeFileSync(join(shotsDir, name), await page.screenshot({ fullPage: true }));
}

const goTo = async (page: Page, baseUrl: string, route: string) => {
  await page.goto(`${baseUrl}/app/#/pages/${route}`, { waitUntil: 'networkidle' });
};

describe('the mini-program (H5 build) with the real API: appeal story and checkpoint mode', () => {
  let server: DemoServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    server = await startDemoServer();
    http = api(server.baseUrl);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(shotsDir, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  async function mobile(width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width, height: 760 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
    });
    const page = await context.newPage();
    return { context, page };
  }

  it('sign up, declare a high-risk stay, see red, appeal with a PDF, answer a question, get a decision, see green and the history entry', async () => {
    const { context, page } = await mobile(320);
    const today = cstDate(new Date());

    // Sign up in the app.
    await page.goto(`${server.baseUrl}/app/`, { waitUntil: 'networkidle' });
    await page.locator('[aria-label="English"]').first().click();
    await input(page, 'Demo user name').fill(`appeal-${Date.now()}`);
    await page.locator('#login-submit').click();
    await page.locator('#consent-accept').click();
    const idNumber = residentId();
    await input(page, 'Full name').fill('测试居民');
    await input(page, 'Document number').fill(idNumber);
    await input(page, 'Mobile phone').fill('13812345678');
    await pickRegion(page, 'Home region', ['Zhejiang Province', 'Hangzhou City', 'Xihu District']);
    await page.locator('#signup-submit').click();
    // No code before the ID number is verified: the dev host certifies it, then the server checks it.
    await page.locator('#verify-submit').waitFor({ timeout: 20_000 });
    await input(page, 'ID number the dev host knows for you').fill(idNumber);
    await page.locator('#verify-submit').click();
    const card = page.locator('[aria-label="health code"]');
    await card.waitFor({ timeout: 20_000 });

    // Declare a stay in Wuhan Jianghan (high risk in the seed), today.
    await page.locator('[aria-label="Declare"]').first().click();
    await page.locator('#declare-add-stay').waitFor();
    await pickRegion(page, 'Where are you now?', ['Zhejiang Province', 'Hangzhou City', 'Xihu District']);
    await page.locator('#declare-add-stay').click();
    await pickRegion(page, 'Region of stay 1', ['Hubei Province', 'Wuhan City', 'Jianghan District']);
    await pick(page, 'Stay 1: From');
    await pick(page, 'Stay 1: To');
    await page.locator('#declare-submit').click();
    await page.getByText('Declaration received').waitFor({ timeout: 20_000 });

    // Red, with the reason and the green-by date.
    await page.locator('[aria-label="My code"]').first().click();
    await page.locator('[aria-label="health code"][data-color="red"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[aria-label="reason 1"]').innerText()).toMatch(/420103|江汉|Jianghan|high/i);
    expect(await page.locator('[aria-label="green outlook"]').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await expectFitsScreen(page, 320);

    // Appeal that reason, with a PDF.
    await page.locator('#appeal-reason-1').click();
    await page.locator('[aria-label="The region or its risk level is wrong"]').first().click();
    await textarea(page, 'Your statement').fill('I only changed trains in Wuhan and never left the station.');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#evidence-add-file').click();
    await (await chooser).setFiles({ name: 'train-ticket.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('train-ticket.pdf').waitFor();
    await expectFitsScreen(page, 320);
    await shot(page, 'miniapp-appeal-new.png');
    await page.locator('#appeal-submit').click();
    const status = page.locator('[aria-label="appeal status"]');
    await status.waitFor({ timeout: 20_000 });
    const number = Number(/#(\d+)/.exec(await status.innerText())?.[1]);
    expect(number).toBeGreaterThan(0);

    // Back on the code, the reason now links to its appeal instead of offering a second one.
    await goTo(page, server.baseUrl, 'code/index');
    await page.locator(`#appeal-reason-1[aria-label^="Appeal #${number}:"]`).waitFor({ timeout: 20_000 });
    // The browser build has no host messaging (platform/subscribe.h5.ts): no subscription is offered for colour
    // changes (WeChat and Alipay ask inside this tap), and the messages arrive in the in-app inbox below instead.
    expect(await page.locator('#code-notify-color').count()).toBe(0);
    await page.locator('#appeal-reason-1').click();
    await page.locator('[aria-label="appeal status"]').waitFor({ timeout: 20_000 });

    // A hotline agent asks for more; the resident answers in the app.
    const agent = await http.staffLogin('hotline-agent');
    const seen = await http.get(`/api/v1/appeals/${number}`, agent);
    expect(seen.status).toBe(200);
    expect(seen.body.timeline[0].evidence).toEqual([
      expect.objectContaining({ mediaType: 'application/pdf', size: PDF.length }),
    ]);
    expect(
      (await http.post(`/api/v1/appeals/${number}/request-info`, { message: 'Please add the train number.' }, agent))
        .status,
    ).toBe(200);
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('[aria-label="information request"]').getByText('Please add the train number.').waitFor();
    await textarea(page, 'Your answer').fill('Train G1234, changed at Hankou station.');
    await page.locator('#appeal-answer-submit').click();
    await page.locator('[aria-label="appeal status"][data-status="in-review"]').waitFor({ timeout: 20_000 });

    // The agent corrects to green; lowering a colour needs a supervisor (TOTP) to approve.
    const decided = await http.post(
      `/api/v1/appeals/${number}/decision`,
      { outcome: 'corrected', reason: DECISION, override: { color: 'green', until: addDays(today, 14) } },
      agent,
    );
    expect(decided).toMatchObject({ status: 200, body: { decision: { approval: 'pending' } } });
    const supervisor = await http.staffLogin('supervisor', server.totpSecret('supervisor'));
    expect((await http.post(`/api/v1/appeals/${number}/approval`, { approve: true }, supervisor)).status).toBe(200);

    await page.reload({ waitUntil: 'networkidle' });
    const decision = page.locator('[aria-label="decision"]');
    await decision.waitFor({ timeout: 20_000 });
    expect(await decision.innerText()).toContain(DECISION);
    expect(await decision.innerText()).toContain('Your code has been updated.');
    expect(await page.locator('[aria-label="appeal timeline"]').innerText()).toMatch(
      /Appeal filed[\s\S]*More information requested[\s\S]*You answered[\s\S]*Decision made/,
    );
    await expectFitsScreen(page, 320);
    await shot(page, 'miniapp-appeal-decided.png');

    // The dev inbox (the worker delivers the notifications).
    await goTo(page, server.baseUrl, 'inbox/index');
    const deadline = Date.now() + 30_000;
    while ((await page.locator('[aria-label="notification"]').count()) === 0 && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      await page.reload({ waitUntil: 'networkidle' });
    }
    expect(await page.locator('[aria-label="notification"]').count()).toBeGreaterThan(0);
    await shot(page, 'miniapp-inbox.png');

    // Green now, with a QR that verifies against the JWKS, and the change in the history.
    await goTo(page, server.baseUrl, 'code/index');
    await page.locator('[aria-label="health code"][data-color="green"]').waitFor({ timeout: 20_000 });
    await page.setViewportSize({ width: 320, height: 1200 });
    await page.waitForTimeout(300);
    const token = decodeQr(await page.locator('[data-testid="qr-code"]').screenshot());
    expect(token).not.toBeNull();
    const { payload } = await jwtVerify(
      token as string,
      createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`)),
      { algorithms: ['ES256'] },
    );
    expect(payload.col).toBe('green');
    await page.locator('[aria-label="History"]').first().click();
    await page.getByText(`appeal #${number} decided`).waitFor({ timeout: 20_000 });

    // Privacy: deletion dates from the API.
    await page.locator('[aria-label="Privacy"]').first().click();
    await page
      .locator('[aria-label="deletion dates"]')
      .getByText('Will be deleted on')
      .first()
      .waitFor({ timeout: 20_000 });
    await page.locator('[aria-label="checkpoint scans"] [aria-label="empty"]').waitFor();
    await expectFitsScreen(page, 320);
    await context.close();
  });

  it('checkpoint mode: an operator verifies a valid code offline, rejects a tampered one and uploads the queue', async () => {
    // A region admin registers a checkpoint and issues this device's credential.
    const admin = await http.staffLogin('region-admin', server.totpSecret('region-admin'));
    const checkpoint = await http.post(
      '/api/v1/checkpoints',
      { name: 'Metro Line 1 – Longxiangqiao', kind: 'metro', region: '330106', place: 'Exit B', admits: ['green'] },
      admin,
    );
    expect(checkpoint.status).toBe(201);
    const device = await http.post(`/api/v1/checkpoints/${checkpoint.body.id}/devices`, { label: 'e2e phone' }, admin);
    expect(device.status).toBe(201);
    const resident = await http.residentLogin('demo');
    const code = await http.get('/api/v1/me/code', resident);
    expect(code.body.color).toBe('green');
    const token = code.body.token as string;
    const [h, p, s] = token.split('.');
    const forged = [
      h,
      Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), col: 'green', cid: 'forged-code-id' }),
      ).toString('base64url'),
      s,
    ].join('.');

    const { context, page } = await mobile(320);
    // Headless Chromium on Linux has neither BarcodeDetector nor a camera: stand-ins (a blank canvas stream,
    // a detector that "sees" window.__qr) exercise the app's camera path.
    await context.addInitScript(() => {
      const w = window as unknown as { __qr: string | null; BarcodeDetector: unknown };
      w.__qr = null;
      w.BarcodeDetector = class {
        async detect() {
          return w.__qr ? [{ rawValue: w.__qr }] : [];
        }
      };
      const canvas = document.createElement('canvas');
      Object.defineProperty(navigator, 'mediaDevices', {
        configurable: true,
        value: { getUserMedia: async () => canvas.captureStream() },
      });
    });
    await setUpCheckpointDevice(page, server.baseUrl, checkpoint.body.id, device.body.authorization);
    await page
      .locator('[aria-label="keys status"]')
      .getByText(/key\(s\) cached/)
      .waitFor();
    await expectFitsScreen(page, 320);

    const verify = async (t: string) => {
      await textarea(page, 'Code token').fill(t);
      await page.locator('#checkpoint-verify').click();
      const result = page.locator('[aria-label="scan result"]');
      await result.waitFor();
      return result;
    };
    const queued = page.locator('[aria-label="queued scans"]');

    const valid = await verify(token);
    expect(await valid.getAttribute('data-result')).toBe('valid');
    expect(await valid.getAttribute('data-color')).toBe('green');
    expect(await valid.innerText()).toContain('Green – travel freely');
    await shot(page, 'miniapp-checkpoint-valid.png');
    await page.locator('#checkpoint-next').click();
    await page.locator('[aria-label="queued scans"][data-count="0"]').waitFor({ timeout: 20_000 });

    const invalid = await verify(forged);
    expect(await invalid.getAttribute('data-result')).toBe('invalid');
    expect(await invalid.getAttribute('data-color')).toBeNull();
    expect(await invalid.innerText()).toContain('INVALID CODE');
    expect(await invalid.innerText()).not.toContain('Green');
    await shot(page, 'miniapp-checkpoint-invalid.png');
    await page.locator('#checkpoint-next').click();

    // The camera: a full-screen video until a QR code is seen.
    await page.locator('#checkpoint-scan').click();
    await page.locator('[role="dialog"][aria-label="camera"] video').waitFor();
    await page.evaluate((t) => ((window as unknown as { __qr: string }).__qr = t), token);
    const scanned = page.locator('[aria-label="scan result"]');
    await scanned.waitFor();
    expect(await scanned.getAttribute('data-color')).toBe('green');
    expect(await page.locator('[role="dialog"][aria-label="camera"]').count()).toBe(0);
    await page.locator('#checkpoint-next').click();

    // Offline: verified on the device with the cached keys, queued, uploaded when back online.
    await page.locator('[aria-label="queued scans"][data-count="0"]').waitFor({ timeout: 20_000 });
    await context.setOffline(true);
    const offline = await verify(token);
    expect(await offline.getAttribute('data-result')).toBe('valid');
    expect(await offline.innerText()).toContain('Verified on this device');
    await page.locator('#checkpoint-next').click();
    expect(await queued.getAttribute('data-count')).toBe('1');
    await context.setOffline(false);
    await page.locator('#checkpoint-upload').click();
    await page.locator('[aria-label="queued scans"][data-count="0"]').waitFor({ timeout: 20_000 });

    const mine = await http.get('/api/v1/me/scans', resident);
    expect(
      mine.body.items.filter(
        (s: { checkpointName: string; admitted: boolean }) => s.checkpointName.startsWith('Metro Line 1') && s.admitted,
      ),
    ).toHaveLength(3);
    await context.close();

    // The resident sees those scans, with their deletion dates, on the privacy page.
    const r = await mobile(320);
    await r.page.goto(`${server.baseUrl}/app/`, { waitUntil: 'networkidle' });
    await r.page.locator('[aria-label="English"]').first().click();
    await input(r.page, 'Demo user name').fill('demo');
    await r.page.locator('#login-submit').click();
    await r.page.locator('[aria-label="health code"]').waitFor({ timeout: 20_000 });
    await r.page.locator('[aria-label="Privacy"]').first().click();
    const scans = r.page.locator('[aria-label="checkpoint scans"]');
    await scans.locator('[aria-label="scan 1"]').waitFor({ timeout: 20_000 });
    expect(await scans.innerText()).toMatch(
      /Metro Line 1[\s\S]*Exit B[\s\S]*Admitted[\s\S]*Will be deleted on \d{4}-\d{2}-\d{2}/,
    );
    await expectFitsScreen(r.page, 320);
    await shot(r.page, 'miniapp-privacy.png');
    await r.context.close();
  });
});
