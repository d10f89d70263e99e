import { addDays, cstDate, ID_NUMBER_TAKEN_MESSAGE, residentIdCheckDigit } from '@healthcode/contracts';
import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './browser.util';
import { api, type DemoServer, startDemoServer } from './miniapp-demo-server.util';
import { pick } from './miniapp-page.util';

/** A resident ID with a correct check digit, unique per run. */
function residentId(): string {
  const first17 = `330106198807${String(10 + Math.floor(Math.random() * 18))}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

const input = (page: Page, label: string) =>
  page.locator(`[aria-label="${label}"] input, input[aria-label="${label}"]`).first();

/** Logs in with the dev host in the app and fills the sign-up form. */
async function signUpInApp(page: Page, baseUrl: string, demoName: string, idNumber: string) {
  await page.goto(`${baseUrl}/app/`, { waitUntil: 'networkidle' });
  await page.locator('[aria-label="English"]').first().click();
  await input(page, 'Demo user name').fill(demoName);
  await page.locator('#login-submit').click();
  await page.locator('#consent-accept').click();
  await input(page, 'Full name').fill('测试居民');
  await input(page, 'Document number').fill(idNumber);
  await input(page, 'Mobile phone').fill('13812345678');
  for (const level of ['Province', 'City', 'District']) await pick(page, `Home region: ${level}`); // index 0 preselected: 北京市 / 市辖区 / 东城区
  await page.locator('#signup-submit').click();
}

describe('identity in the mini-program (H5 build, real API): sign up, verify, and one ID number per person', () => {
  let server: DemoServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    server = await startDemoServer();
    http = api(server.baseUrl);
    chromium = await launchChromium();
    browser = chromium.browser;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  const newPage = async () =>
    (await browser.newContext({ viewport: { width: 375, height: 760 }, isMobile: true, hasTouch: true })).newPage();

  it('signs up, is told plainly there is no code until the ID number is verified, verifies with the dev host and sees the code', async () => {
    const page = await newPage();
    const idNumber = residentId();
    await signUpInApp(page, server.baseUrl, `idv-${Date.now()}`, idNumber);

    await page.locator('#verify-submit').waitFor({ timeout: 20_000 });
    expect(await page.locator('[aria-label="Verification status"]').innerText()).toContain('not verified yet');

    // The code page has no colour to show, and says what is missing and how to finish.
    await page.goto(`${server.baseUrl}/app/#/pages/code/index`, { waitUntil: 'networkidle' });
    const needed = page.locator('#code-verification-needed');
    await needed.waitFor({ timeout: 20_000 });
    expect(await needed.innerText()).toMatch(/No code yet.*not verified.*host app.*hotline/s);
    expect(await page.locator('[aria-label="health code"]').count()).toBe(0);
    await page.locator('#code-verify').click();

    // The dev host knows a different number: refused, still unverified.
    await input(page, 'ID number the dev host knows for you').fill(residentId());
    await page.locator('#verify-submit').click();
    await page.getByText(/different ID number than the one in your profile/).waitFor({ timeout: 20_000 });

    await input(page, 'ID number the dev host knows for you').fill(idNumber);
    await page.locator('#verify-submit').click();
    await page.locator('[aria-label="health code"][data-color="green"]').waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it("B claims red A's ID number and learns nothing; A stays red after changing their ID number", async () => {
    // A: signed up, verified, and red from a stay in Wuhan Jianghan (high risk in the demo seed).
    const aName = `ida-${Date.now()}`;
    let aToken = await http.residentLogin(aName);
    const aNumber = residentId();
    const profile = {
      consentVersion: (await http.get('/api/v1/consent')).body.version,
      name: '甲某',
      idType: 'resident-id',
      phone: '13912345678',
      homeRegion: '330106',
    };
    const put = await fetch(`${server.baseUrl}/api/v1/me/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${aToken}` },
      body: JSON.stringify({ ...profile, idNumber: aNumber }),
    });
    expect(put.status).toBe(200);
    expect(
      (await http.post('/api/v1/dev-host/certifications', { user: aName, idType: 'resident-id', idNumber: aNumber }))
        .status,
    ).toBe(204);
    expect((await http.post('/api/v1/me/verification', { method: 'dev' }, aToken)).status).toBe(200);
    const today = cstDate(new Date());
    const stay = { region: '420103', from: addDays(today, -2), to: today };
    const declared = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [stay], symptoms: [], contact: null },
      aToken,
    );
    expect(declared.status).toBe(201);
    expect((await http.get('/api/v1/me/code', aToken)).body.color).toBe('red');

    // B types A's number: the same fixed sentence, and nothing of A's anywhere.
    const page = await newPage();
    await signUpInApp(page, server.baseUrl, `idb-${Date.now()}`, aNumber);
    await page.getByText(ID_NUMBER_TAKEN_MESSAGE).waitFor({ timeout: 20_000 });
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/甲|\bred\b|quarantine|江汉|Jianghan/i);
    await page.goto(`${server.baseUrl}/app/#/pages/code/index`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    expect(await page.locator('[aria-label="health code"]').count()).toBe(0);
    await page.context().close();

    // A changes their ID number: every session ends, and the code stays red (facts stay with the number).
    const change = await fetch(`${server.baseUrl}/api/v1/me/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${aToken}` },
      body: JSON.stringify({ ...profile, idNumber: residentId() }),
    });
    expect(change.status).toBe(200);
    const changed = (await change.json()) as { verification: { state: string } };
    expect(changed.verification.state).toBe('unverified');
    aToken = await http.residentLogin(aName);
    const aPage = await newPage();
    await aPage.goto(`${server.baseUrl}/app/`, { waitUntil: 'networkidle' });
    await aPage.locator('[aria-label="English"]').first().click();
    await input(aPage, 'Demo user name').fill(aName);
    await aPage.locator('#login-submit').click();
    await aPage.locator('[aria-label="health code"][data-color="red"]').waitFor({ timeout: 20_000 });
    await aPage.context().close();
  });
});
