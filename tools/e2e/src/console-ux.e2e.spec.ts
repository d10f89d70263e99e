import { residentIdCheckDigit } from '@healthcode/contracts';
import { demoResidents } from '@healthcode/seed';

import { launchChromium } from './browser.util';
import { seriousViolations } from './axe.util';
import { api, type ConsoleServer, staffLogin, startConsoleServer } from './console-harness.util';
import { staffApiToken } from './staff-login.util';

/** A staff bearer token through the API, with TOTP for the roles that have it. */
const staffToken = (server: ConsoleServer, username: string) =>
  staffApiToken(server.baseUrl, username, server.totpSecrets[username]);

describe('the staff console fixes, in Chromium against the real API (e2e)', () => {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    server = await startConsoleServer();
    chromium = await launchChromium();
    http = api(server.baseUrl);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('shows the checkpoint id a device is set up with, in the registry and beside the device credentials', async () => {
    const token = await staffToken(server, 'region-admin');
    const created = await http.post(
      '/api/v1/checkpoints',
      { name: 'UX Gate 7', kind: 'office', region: '330106', place: 'North door', admits: ['green'] },
      token,
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const page = await staffLogin(chromium.browser, server, 'region-admin');
    await page.goto(`${server.baseUrl}/console/#/checkpoints`);
    const row = page.getByRole('row', { name: /UX Gate 7/ });
    await row.getByText(id, { exact: true }).waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'Devices' }).click();
    await page.getByRole('dialog').getByText(id, { exact: true }).waitFor();
    await page.context().close();
  });

  it('charts a checkpoint’s scans per hour, with the same numbers as a table and in the chart’s text alternative', async () => {
    const token = await staffToken(server, 'region-admin');
    const created = await http.post(
      '/api/v1/checkpoints',
      { name: 'UX Chart Gate', kind: 'office', region: '330106', place: 'South door', admits: ['green'] },
      token,
    );
    const device = await http.post(`/api/v1/checkpoints/${created.body.id}/devices`, { label: 'chart' }, token);
    // A green and a red demo resident pass: one admitted, one refused, in this hour.
    const codeOf = async (user: string) => {
      const login = await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${user}` });
      return (await http.get('/api/v1/me/code', login.body.accessToken)).body.token as string;
    };
    for (const [n, user] of ['demo', 'demo1'].entries()) {
      const res = await fetch(`${server.baseUrl}/api/v1/checkpoints/${created.body.id}/scans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: device.body.authorization },
        body: JSON.stringify({
          token: await codeOf(user),
          clientScanId: `ux-chart-${Date.now()}-${n}`,
          scannedAt: new Date().toISOString(),
        }),
      });
      expect(res.status).toBe(200);
    }

    const page = await staffLogin(chromium.browser, server, 'region-admin');
    await page.goto(`${server.baseUrl}/console/#/checkpoints`);
    await page.getByRole('button', { name: 'Statistics of UX Chart Gate' }).click({ timeout: 15_000 });
    const drawer = page.getByRole('dialog');
    // echarts draws SVG bars (one admitted, one refused) and labels the picture with its numbers.
    const chart = drawer.locator('[_echarts_instance_] svg').first();
    await chart.waitFor({ timeout: 15_000 });
    await chart.locator('path').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(1000); // echarts animates the bars in
    const fills = await chart
      .locator('path')
      .evaluateAll((paths) => paths.map((p) => (p.getAttribute('fill') ?? '').toLowerCase().replace(/\s/g, '')));
    expect(fills).toEqual(expect.arrayContaining([expect.stringMatching(/#237804|rgb\(35,120,4\)/)]));
    expect(fills).toEqual(expect.arrayContaining([expect.stringMatching(/#cf1322|rgb\(207,19,34\)/)]));
    // The nearest labelled element around the picture (echarts labels its root).
    const described = await chart.evaluate((svg) => {
      let node: Element | null = svg;
      while (node && !node.getAttribute('aria-label')) node = node.parentElement;
      return node?.getAttribute('aria-label') ?? null;
    });
    expect(described).toMatch(/Scans per hour: \d{2}:00( [AP]M)? Admitted 1, Refused 1/);
    const table = drawer.getByRole('table', { name: 'Scans per hour as numbers (hours with scans)' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect((await rows.first().innerText()).replace(/\s+/g, ' ')).toMatch(/^\d{2}:00( [AP]M)? 1 1$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("counts the hotline's whole backlog on the server and shows readable empty texts", async () => {
    const token = await staffToken(server, 'hotline-agent');
    const backlog = await http.get('/api/v1/appeals/backlog', token);
    expect(backlog.status).toBe(200);
    const list = await http.get('/api/v1/appeals?pageSize=100', token);
    const open = list.body.items.filter((a: { status: string }) => !['decided', 'closed'].includes(a.status)).length;
    expect(backlog.body.open).toBe(open);

    const page = await staffLogin(chromium.browser, server, 'hotline-agent');
    await page.goto(`${server.baseUrl}/console/#/dashboard`);
    const card = page.locator('.ant-card', { has: page.getByRole('heading', { name: 'Appeals backlog' }) });
    await card.locator('.ant-statistic', { hasText: 'Open' }).getByText(String(backlog.body.open)).waitFor();
    await page.getByText('No appeal decided yet.').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 15_000 });
    await page.waitForTimeout(800);
    expect(await seriousViolations(page)).toEqual([]);
    const color = await page
      .getByText('No appeal decided yet.')
      .evaluate((el) => getComputedStyle(el.closest('td') ?? el).color);
    expect(color).not.toBe('rgba(0, 0, 0, 0.25)');
    await page.context().close();
  });

  it("shows the server's own messages in the console's language", async () => {
    const page = await staffLogin(chromium.browser, server, 'hotline-agent');
    await page.getByText('中文', { exact: true }).first().click();
    await page.goto(`${server.baseUrl}/console/#/lookup`);
    await page.getByLabel('来电编号').fill('CALL-UX-0001');
    const first17 = '11010119800101999';
    await page.getByLabel('证件号码').fill(first17 + residentIdCheckDigit(first17));
    await page.getByRole('button', { name: '查询' }).click();
    // The API's "No registered resident in your region scope matches", worded by the API in Chinese.
    await page.getByText('您的管辖地区内没有匹配的已注册居民').first().waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('hotline staff issue a printed card for a verified caller and download its PDF (issue #19)', async () => {
    const resident = demoResidents(new Date())[0];
    const page = await staffLogin(chromium.browser, server, 'hotline-agent');
    await page.goto(`${server.baseUrl}/console/#/lookup`);
    await page.getByLabel('Call reference').fill('CALL-CARD-0001');
    await page.getByLabel('ID number').fill(resident.idNumber);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('button', { name: 'Issue card' }).click({ timeout: 15_000 });
    await page.getByText(/Card issued, valid until/).waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF (A6)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('health-card-A6.pdf');
    await page.waitForTimeout(500);
    expect(await seriousViolations(page)).toEqual([]);
    // The resident sees both staff steps in their access log, with the call.
    const token = await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${resident.hostUser}` });
    const log = await http.get('/api/v1/me/access-log', token.body.accessToken);
    expect(
      log.body.items
        .filter((e: { scope: string; purpose: string }) => e.scope === 'card')
        .map((e: { purpose: string }) => e.purpose),
    ).toEqual(['hotline-call:CALL-CARD-0001', 'hotline-call:CALL-CARD-0001']);
    await page.context().close();
  });

  it('a region admin sets the appeal deadlines of a district, and is refused outside the scope', async () => {
    const page = await staffLogin(chromium.browser, server, 'region-admin');
    await page.getByRole('menuitem', { name: 'Appeal deadlines and categories' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appeal deadlines and categories' }).waitFor();
    await page.getByText('No region has its own deadlines').waitFor();
    const form = page.locator('form[id="appeal-policy"]');
    await form.getByLabel('Region code').fill('330106');
    await form.getByLabel('First response within (hours)').fill('12');
    await form.getByLabel('Decision within (hours)').fill('48');
    // The categories its residents can choose: one known category fewer, and one of the district's own.
    await form.getByRole('checkbox', { name: 'Something else' }).uncheck();
    await form.getByRole('button', { name: 'Add an own category' }).click();
    await form.getByLabel('Key of own category 1').fill('quarantine-hotel');
    await form.getByLabel('Chinese label of own category 1').fill('隔离酒店记录有误');
    await form.getByLabel('English label of own category 1').fill('The quarantine hotel record is wrong');
    await form.getByRole('button', { name: 'Save policy' }).click();
    const row = page.getByRole('row', { name: /330106/ });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toMatch(/12[\s\S]*48/);
    const token = await staffToken(server, 'region-admin');
    const listed = await http.get('/api/v1/admin/appeal-policies', token);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ regionPrefix: '330106', firstResponseHours: 12, decisionHours: 48 }),
    ]);
    expect(listed.body.items[0].categories.map((c: { key: string }) => c.key)).toEqual([
      'wrong-region',
      'wrong-case-match',
      'symptoms-resolved',
      'data-error',
      'quarantine-hotel',
    ]);
    expect(await row.innerText()).toContain('The quarantine hotel record is wrong');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('Region code').fill('42');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await page
      .getByText(/outside your region scope/)
      .first()
      .waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
