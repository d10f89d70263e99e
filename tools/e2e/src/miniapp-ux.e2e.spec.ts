import { cstDate } from '@healthcode/contracts';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { seriousViolations } from './axe.util';
import { launchChromium } from './browser.util';
import { api } from './miniapp-demo-server.util';
import { input, mobilePage, pickRegion, signInAs } from './miniapp-page.util';
import { type RunningServer, startBuiltServer } from './server.util';

const codeCard = (page: Page) => page.locator('[aria-label="health code"]');
/** The shown page's title (Taro keeps earlier pages of the stack in the DOM, hidden). */
const pageTitle = (page: Page) => page.locator('[role="heading"][aria-level="1"]').filter({ visible: true }).first();

function tinyPng(): Buffer {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(180);
  return PNG.sync.write(png);
}

/** Files an appeal on the resident's first non-green reason through the API, as the app would. */
async function fileAppeal(baseUrl: string, token: string): Promise<number> {
  const code = await (
    await fetch(`${baseUrl}/api/v1/me/code`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  const reason = (
    code.reasons as { suppressed?: boolean; color: string; ruleId: string; fact: Record<string, unknown> }[]
  ).find((r) => !r.suppressed && r.color !== 'green');
  if (!reason) throw new Error('the resident has no reason to appeal');
  const form = new FormData();
  form.append('ruleId', reason.ruleId);
  form.append('factKind', String(reason.fact.kind));
  if (typeof reason.fact.ref === 'string') form.append('factRef', reason.fact.ref);
  const date = ['date', 'from', 'onset', 'until'].map((k) => reason.fact[k]).find((v) => typeof v === 'string');
  if (date) form.append('factDate', String(date));
  form.append('category', 'data-error');
  form.append('statement', 'I was never there.');
  form.append('evidence', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'ticket.png');
  const res = await fetch(`${baseUrl}/api/v1/me/appeals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`appeal: ${res.status} ${JSON.stringify(body)}`);
  return body.number as number;
}

describe('the mini-program (H5 build) fixes a resident touches, with the real API', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    // Demo mode: the staff accounts exist, for the checkpoint operator's screens.
    server = await startBuiltServer({ mode: 'demo' });
    chromium = await launchChromium();
    http = api(server.baseUrl);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('deletes the account from the privacy page, after a confirmation, and shows the receipt', async () => {
    const { context, page } = await mobilePage(chromium.browser);
    await signInAs(page, server.baseUrl, 'demo4');
    await codeCard(page).waitFor({ timeout: 20_000 });
    await page.locator('[aria-label="Privacy"]').first().click();
    await page.locator('#privacy-delete').click();
    // Asked first: nothing is deleted until the second, explicit button.
    await page.locator('#privacy-delete-confirm').waitFor();
    expect((await http.get('/api/v1/me/code', await http.residentLogin('demo4'))).status).toBe(200);
    await page.locator('#privacy-delete-confirm').click();
    const receipt = page.locator('[aria-label="deletion receipt"]');
    await receipt.waitFor({ timeout: 20_000 });
    expect(await receipt.innerText()).toMatch(/[0-9a-f]{16,}/);
    await context.close();
  });

  it('gives the QR a text alternative with the colour and how long the code is valid', async () => {
    const { context, page } = await mobilePage(chromium.browser);
    await signInAs(page, server.baseUrl, 'demo2');
    await codeCard(page).waitFor({ timeout: 20_000 });
    const qr = page.locator('[data-testid="qr-code"]');
    expect(await qr.getAttribute('role')).toBe('img');
    expect(await qr.getAttribute('aria-label')).toMatch(
      /^Health code QR, Yellow.*, valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    await context.close();
  });

  it('shows the rules of a region picked on the public rules page, and a way back', async () => {
    const { context, page } = await mobilePage(chromium.browser);
    await page.goto(`${server.baseUrl}/app/`, { waitUntil: 'networkidle' });
    await page.locator('[aria-label="English"]').first().click();
    await page.getByText('Public rules', { exact: false }).first().click();
    await page.locator('[aria-label="changelog"]').waitFor({ timeout: 20_000 });
    await pickRegion(page, 'Region', ['Hubei Province', 'Wuhan City', 'Jianghan District']);
    const rules = page.locator('[aria-label="rules"]');
    await rules.waitFor({ timeout: 20_000 });
    expect(await rules.locator('[role="listitem"]').count()).toBeGreaterThan(0);
    expect(await pageTitle(page).innerText()).toBe('Public rules');
    await page.locator('#screen-back').click();
    await page.locator('#login-submit').waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('clears a field error as soon as the field is corrected', async () => {
    const { context, page } = await mobilePage(chromium.browser);
    await signInAs(page, server.baseUrl, `new-${Date.now()}`);
    await page.locator('#consent-accept').click();
    await page.locator('#signup-submit').click();
    const nameError = page.locator('#field-error-name');
    await nameError.waitFor();
    await input(page, 'Full name').fill('测试居民');
    await nameError.waitFor({ state: 'detached', timeout: 5_000 });
    // The other fields are still wrong, and still say so.
    expect(await page.locator('#field-error-idNumber').count()).toBe(1);
    await context.close();
  });

  it('lists every declaration of the resident, not only the newest', async () => {
    const token = await http.residentLogin('demo8');
    const today = cstDate(new Date());
    const declared = await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '110101', stays: [{ region: '310101', from: today, to: today }], symptoms: [] },
      token,
    );
    expect(declared.status).toBe(201);
    const { context, page } = await mobilePage(chromium.browser);
    await signInAs(page, server.baseUrl, 'demo8');
    await codeCard(page).waitFor({ timeout: 20_000 });
    await page.locator('[aria-label="Declare"]').first().click();
    const list = page.locator('[aria-label="my declarations"]');
    await list.waitFor({ timeout: 20_000 });
    const items = list.locator('[role="listitem"]');
    expect(await items.count()).toBe(2);
    expect(await items.first().innerText()).toContain('Shanghai Municipality');
    await context.close();
  });

  it('withdraws an appeal only after a confirmation, and a page opened directly has a way back', async () => {
    const token = await http.residentLogin('demo6');
    const number = await fileAppeal(server.baseUrl, token);
    const { context, page } = await mobilePage(chromium.browser);
    await signInAs(page, server.baseUrl, 'demo6');
    await codeCard(page).waitFor({ timeout: 20_000 });
    await page.goto(`${server.baseUrl}/app/#/pages/appeal/index?number=${number}`, { waitUntil: 'networkidle' });
    await page.locator('[aria-label="appeal status"]').waitFor({ timeout: 20_000 });
    await page.locator('#appeal-withdraw').click();
    await page.locator('#appeal-withdraw-confirm').waitFor();
    expect((await http.get(`/api/v1/me/appeals/${number}`, token)).body.status).not.toBe('closed');
    await page.locator('#appeal-withdraw-confirm').click();
    await page.locator('[aria-label="appeal status"][data-status="closed"]').waitFor({ timeout: 20_000 });
    expect((await http.get(`/api/v1/me/appeals/${number}`, token)).body.status).toBe('closed');
    // Opened by its address, the page has nothing under it: Back still leads somewhere useful.
    await page.locator('#screen-back').click();
    await pageTitle(page).filter({ hasText: 'My appeals' }).waitFor({ timeout: 20_000 });
    await context.close();
  });

  it.each(['en-US', 'zh-CN'])('resident pages have no serious or critical axe violations (%s)', async (locale) => {
    const { context, page } = await mobilePage(chromium.browser, { locale });
    await page.goto(`${server.baseUrl}/app/`, { waitUntil: 'networkidle' });
    await page
      .locator(`[aria-label="${locale === 'en-US' ? 'English' : '中文'}"]`)
      .first()
      .click();
    const problems: string[] = [];
    const check = async (name: string) => {
      await page.waitForTimeout(800);
      problems.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
    };
    await check('login');
    await input(page, locale === 'en-US' ? 'Demo user name' : '演示用户名').fill('demo1');
    await page.locator('#login-submit').click();
    await codeCard(page).waitFor({ timeout: 20_000 });
    await check('code');
    // 添加文件 (add a file) on a new appeal.
    await page.locator('#appeal-reason-1').click();
    await page.locator('#evidence-add-file').waitFor({ timeout: 20_000 });
    await check('appeal-new');
    for (const route of ['declare', 'history', 'privacy', 'checkin', 'appeals', 'rules', 'inbox', 'card']) {
      await page.goto(`${server.baseUrl}/app/#/pages/${route}/index`, { waitUntil: 'networkidle' });
      await pageTitle(page).waitFor();
      await check(route);
    }
    await context.close();

    // The checkpoint operator's screen: 下载签名密钥 (download signing keys) and 立即上传 (upload now).
    const admin = await http.staffLogin('region-admin', server.totpSecret('region-admin'));
    const checkpoint = await http.post(
      '/api/v1/checkpoints',
      { name: `Axe gate ${locale}`, kind: 'office', region: '330106', place: 'Door', admits: ['green'] },
      admin,
    );
    const device = await http.post(`/api/v1/checkpoints/${checkpoint.body.id}/devices`, { label: 'axe' }, admin);
    const operator = await mobilePage(chromium.browser, { locale });
    await operator.page.goto(`${server.baseUrl}/app/`, { waitUntil: 'networkidle' });
    await operator.page
      .locator(`[aria-label="${locale === 'en-US' ? 'English' : '中文'}"]`)
      .first()
      .click();
    await operator.page.locator('#login-checkpoint').click();
    await operator.page.locator('#staff-login-submit').waitFor();
    // Labels differ per language: the user name and password are the screen's first two inputs.
    const fields = operator.page.locator('input').filter({ visible: true });
    await fields.nth(0).fill('checkpoint-operator');
    await fields.nth(1).fill('healthcode-demo');
    await operator.page.locator('#staff-login-submit').click();
    await operator.page.locator('#checkpoint-save-device').waitFor({ timeout: 20_000 });
    const setup = operator.page.locator('input').filter({ visible: true });
    await setup.nth(0).fill(checkpoint.body.id);
    await setup.nth(1).fill(device.body.authorization);
    await operator.page.locator('#checkpoint-save-device').click();
    await operator.page.locator('#checkpoint-keys').waitFor({ timeout: 20_000 });
    await operator.page.waitForTimeout(800);
    problems.push(...(await seriousViolations(operator.page)).map((v) => `checkpoint: ${v}`));
    await operator.context.close();
    expect(problems).toEqual([]);
  });
});
