import { residentIdCheckDigit } from '@healthcode/contracts';

import { launchChromium } from './browser.util';
import { api, type DemoServer, startDemoServer } from './miniapp-demo-server.util';
import { seriousViolations } from './axe.util';
import { input, mobilePage, pick, pickRegion, signInAs } from './miniapp-page.util';

/** A child's resident ID (born 2014-05-01), unique per run. */
function childId(): string {
  const first17 = `33010620140501${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

describe('acting for a family member in the mini-program (H5 build, real API)', () => {
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

  it('a carer adds a child, sees the child’s code with its reasons, declares for them, and the history says by … for …', async () => {
    const { context, page } = await mobilePage(chromium.browser);
    await signInAs(page, server.baseUrl, 'demo');
    await page.locator('[aria-label="health code"]').waitFor({ timeout: 20_000 });

    // Family page: empty, axe-clean, then a child is added with the guardian's declaration.
    await page.locator('#code-family').click();
    await page.getByText('You do not care for anyone yet').waitFor({ timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
    const idNumber = childId();
    await input(page, 'Child’s full name').fill('李小明');
    await input(page, 'Child’s document number').fill(idNumber);
    await pickRegion(page, 'Child’s home region', ['Zhejiang Province', 'Hangzhou City', 'Xihu District']);
    // Without the declaration nothing is sent.
    await page.locator('#family-add-child').click();
    await page.getByText('Declare that you are the child’s legal guardian').first().waitFor();
    await page.getByText('I am this child’s legal guardian').click();
    await page.locator('#family-add-child').click();
    await page.getByText('was added. Call the hotline').waitFor({ timeout: 20_000 });

    // The child's ID is verified as anyone's without a host: an agent files, a different supervisor approves.
    const carerToken = await http.residentLogin('demo');
    const [child] = (await http.get('/api/v1/me/dependants', carerToken)).body.items;
    expect(child).toMatchObject({ name: '李**', kind: 'minor', status: 'active' });
    const agent = await http.staffLogin('hotline-agent');
    const supervisor = await http.staffLogin('supervisor', server.totpSecrets.supervisor);
    const filed = await http.post(
      '/api/v1/staff/identity-verifications',
      {
        residentId: child.dependantId,
        idType: 'resident-id',
        idNumber,
        documentType: 'household-register',
        reason: 'Guardian showed the household register on video.',
        callRef: 'HC-FAMILY-1',
      },
      agent,
    );
    expect(filed.status).toBe(201);
    expect(
      (await http.post(`/api/v1/staff/identity-verifications/${filed.body.id}/decision`, { approve: true }, supervisor))
        .status,
    ).toBe(200);

    // Act for the child: every page says whose record it is.
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('#family-act-0').click();
    await page.locator('#acting-banner').waitFor({ timeout: 20_000 });
    expect(await page.locator('#acting-banner').innerText()).toContain('Acting for 李**');
    await page.locator('[aria-label="health code"]').waitFor({ timeout: 20_000 });

    // Declare a stay in Wuhan Jianghan (high risk in the seed) for the child.
    await page.locator('[aria-label="Declare"]').first().click();
    await page.locator('#declare-add-stay').waitFor();
    expect(await page.locator('#acting-banner').innerText()).toContain('Acting for 李**');
    await pickRegion(page, 'Where are you now?', ['Zhejiang Province', 'Hangzhou City', 'Xihu District']);
    await page.locator('#declare-add-stay').click();
    await pickRegion(page, 'Region of stay 1', ['Hubei Province', 'Wuhan City', 'Jianghan District']);
    await pick(page, 'Stay 1: From');
    await pick(page, 'Stay 1: To');
    await page.locator('#declare-submit').click();
    await page.getByText('Declaration received').waitFor({ timeout: 20_000 });

    // The child's code: red, with the reason; the carer's own stays green.
    await page.locator('[aria-label="My code"]').first().click();
    const card = page.locator('[aria-label="health code"]');
    await card.waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => document.querySelector('[aria-label="health code"]')?.getAttribute('data-color') === 'red',
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.locator('[aria-label="reason 1"]').innerText()).toMatch(/Jianghan|江汉/);
    expect((await http.get('/api/v1/me/code', carerToken)).body.color).toBe('green');

    // The history says who did it for whom.
    await page.locator('[aria-label="History"]').first().click();
    await page
      .getByText(/By .+ for 李\*\*/)
      .first()
      .waitFor({ timeout: 20_000 });

    // Back to one's own code: no banner, the carer's own colour.
    await page.locator('[aria-label="My code"]').first().click();
    await page.locator('#acting-stop').click();
    await page.waitForFunction(
      () => document.querySelector('[aria-label="health code"]')?.getAttribute('data-color') === 'green',
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.locator('#acting-banner').count()).toBe(0);

    // The family page with a dependant listed is axe-clean too, in Chinese as well.
    await page.locator('#code-family').click();
    await page.locator('#family-act-0').waitFor({ timeout: 20_000 });
    expect(await page.locator('[role="listitem"][aria-label="李**"]').innerText()).toContain('Red');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
