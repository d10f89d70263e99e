import { readFileSync } from 'node:fs';

import { decodeJwt } from 'jose';

import { launchChromium } from './browser.util';
import { readCardPdf } from './card-pdf.util';
import { api, type DemoServer, startDemoServer } from './miniapp-demo-server.util';
import { seriousViolations } from './axe.util';
import { input, mobilePage, setUpCheckpointDevice, signInAs, textarea } from './miniapp-page.util';

describe('printed cards in Chromium: a resident prints a card, an offline checkpoint checks cards', () => {
  let server: DemoServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    server = await startDemoServer();
    http = api(server.baseUrl);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  /** The card token inside a PDF fetched for a resident (issued first). */
  async function cardTokenOf(demoName: string): Promise<string> {
    const token = await http.residentLogin(demoName);
    expect((await http.post('/api/v1/me/card', undefined, token)).status).toBe(201);
    const res = await fetch(`${server.baseUrl}/api/v1/me/card/pdf?size=A6`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return (await readCardPdf(new Uint8Array(await res.arrayBuffer()))).qr as string;
  }

  it('a green resident issues and downloads the card PDF from the app; the page is axe-clean in both languages', async () => {
    const { context, page } = await mobilePage(chromium.browser);
    await signInAs(page, server.baseUrl, 'demo');
    await page.locator('#code-card').click({ timeout: 20_000 });
    await page.locator('[aria-label="no card"], [aria-label="card in use"]').first().waitFor({ timeout: 20_000 });
    if (await page.locator('#card-issue').count()) await page.locator('#card-issue').click();
    else await page.locator('#card-reissue').click();
    await page.locator('[aria-label="card validity"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[aria-label="card in use"]').textContent()).toContain('Name on the card:');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#card-pdf-a4').click()]);
    expect(download.suggestedFilename()).toBe('health-card-A4.pdf');
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await readCardPdf(new Uint8Array(pdf));
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0].width).toBeCloseTo(595.28, 1);
    expect(decodeJwt(read.qr as string)).toMatchObject({ iss: 'cn-33' });

    // Revoking asks first; afterwards the page offers a new card and the old token is refused online.
    await page.locator('#card-revoke').click();
    await page.locator('[role="alertdialog"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#card-revoke-confirm').click();
    await page.locator('[aria-label="no card"]').waitFor({ timeout: 20_000 });
    await page.locator('#card-issue').click();
    await page.locator('[aria-label="card validity"]').waitFor({ timeout: 20_000 });

    await context.close();

    const zh = await mobilePage(chromium.browser, { locale: 'zh-CN' });
    await zh.page.goto(`${server.baseUrl}/app/`, { waitUntil: 'networkidle' });
    await zh.page.locator('[aria-label="中文"]').first().click();
    await input(zh.page, '演示用户名').fill('demo');
    await zh.page.locator('#login-submit').click();
    await zh.page.locator('#code-card').click({ timeout: 20_000 });
    await zh.page.locator('[aria-label="card in use"]').waitFor({ timeout: 20_000 });
    expect(await zh.page.locator('[aria-label="card in use"]').textContent()).toContain('卡面姓名');
    expect(await seriousViolations(zh.page)).toEqual([]);
    await zh.context.close();
  });

  it('offline checkpoint: a green card passes, a red one is refused from the status list, with the list age', async () => {
    const green = await cardTokenOf('demo4');
    const red = await cardTokenOf('demo1');
    const admin = await http.staffLogin('region-admin', server.totpSecret('region-admin'));
    const checkpoint = await http.post(
      '/api/v1/checkpoints',
      { name: 'Card gate', kind: 'office', region: '330106', place: 'Door', admits: ['green'] },
      admin,
    );
    expect(checkpoint.status).toBe(201);
    const device = await http.post(`/api/v1/checkpoints/${checkpoint.body.id}/devices`, { label: 'card' }, admin);

    const { context, page } = await mobilePage(chromium.browser);
    await setUpCheckpointDevice(page, server.baseUrl, checkpoint.body.id, device.body.authorization);
    await page
      .locator('[aria-label="card status list"]')
      .getByText(/status list built at/)
      .waitFor({ timeout: 20_000 });

    // From here the device is offline: cards are checked against the cached status list.
    await context.setOffline(true);
    const verify = async (token: string) => {
      await textarea(page, 'Code token').fill(token);
      await page.locator('#checkpoint-verify').click();
      const result = page.locator('[aria-label="scan result"]');
      await result.waitFor();
      return result;
    };
    const pass = await verify(green);
    expect(await pass.getAttribute('data-card')).toBe('clear');
    expect(await pass.textContent()).toContain('NOT ON THE REFUSAL LIST');
    expect(await pass.textContent()).toMatch(/Status list built at .* \(\d+ min ago\)/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#checkpoint-next').click();

    const refused = await verify(red);
    expect(await refused.getAttribute('data-card')).toBe('not-green');
    expect(await refused.textContent()).toContain('CARD REFUSED');
    expect(await refused.textContent()).toContain('was not green');
    expect(await refused.textContent()).toMatch(/\(\d+ min ago\)/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#checkpoint-next').click();
    expect(await page.locator('[aria-label="queued scans"]').getAttribute('data-count')).toBe('2');

    // Back online, the queued card scans upload and list among the green resident's scans.
    await context.setOffline(false);
    await page.locator('#checkpoint-upload').click();
    await page.locator('[aria-label="queued scans"][data-count="0"]').waitFor({ timeout: 20_000 });
    const scans = (await http.get('/api/v1/me/scans', await http.residentLogin('demo4'))).body.items;
    expect(
      scans.some((s: { checkpointName: string; admitted: boolean }) => s.checkpointName === 'Card gate' && s.admitted),
    ).toBe(true);
    await context.close();
  });
});
