import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { launchChromium } from './browser.util';
import { seriousViolations } from './axe.util';
import { api, type ConsoleServer, shotsDir, staffLogin, startConsoleServer } from './console-harness.util';

const DECISION_REASON = 'The stay was declared by mistake; the resident was at home in Hangzhou all along.';

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  writeFileSync(join(shotsDir, `console-${name}.png`), await page.screenshot({ fullPage: false }));
}

interface Reason {
  suppressed?: boolean;
  color: string;
  ruleId: string;
  fact: Record<string, unknown>;
}

/**
 * Files an appeal of the caller's own: the first demo resident with a non-green reason that has no open appeal yet.
 * With `soleReason`, only a resident whose code has exactly one such reason, so correcting it turns the code green.
 */
async function fileOwnAppeal(http: ReturnType<typeof api>, { soleReason = false } = {}) {
  for (let i = 1; i < 60; i++) {
    const login = await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-demo${i}` });
    const token = login.body.accessToken as string;
    const code = await http.get('/api/v1/me/code', token);
    const reasons = ((code.body.reasons ?? []) as Reason[]).filter((r) => !r.suppressed && r.color !== 'green');
    if (soleReason && reasons.length !== 1) continue;
    for (const reason of reasons) {
      const filed = await http.post('/api/v1/me/appeals', appealForm(reason), token);
      if (filed.status === 201) return { number: filed.body.number as number, token, reason };
    }
  }
  throw new Error('no demo resident could file an appeal');
}

function tinyPng(): Buffer {
  const png = new PNG({ width: 16, height: 16 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/** The fields of an appeal on one reason, identified the way the API does (rule, fact kind, ref, date). */
function appealForm(reason: { ruleId: string; fact: Record<string, unknown> }): FormData {
  const form = new FormData();
  form.append('ruleId', reason.ruleId);
  form.append('factKind', String(reason.fact.kind));
  if (typeof reason.fact.ref === 'string') form.append('factRef', reason.fact.ref);
  const date = ['date', 'from', 'onset', 'until'].map((k) => reason.fact[k]).find((v) => typeof v === 'string');
  if (date) form.append('factDate', String(date));
  form.append('category', 'data-error');
  form.append('statement', 'I was never there; I entered the wrong city in the form.');
  form.append('evidence', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'ticket.png');
  return form;
}

const cstDate = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Waits until the dashboard's red statistic shows what `GET /stats/colors?region=33` says at that moment (a number,
 * or "hidden" for a suppressed count), reloading the page while they differ; returns those counts.
 */
async function dashboardShowsRed(
  page: Page,
  http: ReturnType<typeof api>,
  timeoutMs: number,
): Promise<{ red: number | null }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const counts = (await http.get('/api/v1/stats/colors?region=33')).body.counts as { red: number | null };
    const want = counts.red === null ? 'hidden' : String(counts.red);
    const shown = await page
      .waitForFunction(
        (w) =>
          [...document.querySelectorAll('.ant-statistic')].some(
            (s) =>
              s.textContent?.startsWith('Red') &&
              s.querySelector('.ant-statistic-content')?.textContent?.replace(/,/g, '') === w,
          ),
        want,
        { timeout: 5_000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (shown) return counts;
    if (Date.now() > until) throw new Error(`the dashboard never showed red = ${want}, as the API does`);
    await page.reload();
  }
}

describe('the staff console in Chromium against the real API (e2e)', () => {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    server = await startConsoleServer();
    chromium = await launchChromium();
    http = api(server.baseUrl);
    mkdirSync(shotsDir, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('an agent corrects an appeal with a reason, a supervisor approves it, and the resident is green', async () => {
    const resident = await fileOwnAppeal(http, { soleReason: true });
    const number = resident.number;

    const agent = await staffLogin(chromium.browser, server, 'hotline-agent');
    await agent.goto(`${server.baseUrl}/console/#/appeals`);
    await agent.getByRole('button', { name: `Open appeal #${number}` }).click();
    const drawer = agent.getByRole('dialog');
    await drawer.getByRole('img', { name: /Evidence \(image\/png/ }).waitFor();
    // The appeal's reference, which a lookup states as its purpose, is on the page.
    expect(await drawer.getByTestId('appeal-reference').textContent()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    await shot(agent, 'appeal-drawer');
    expect(await seriousViolations(agent)).toEqual([]);
    await drawer.getByRole('button', { name: 'Start review' }).click();
    await drawer.getByRole('radio', { name: 'Corrected' }).click();
    // Enter confirms the date (and would submit the form: the reason comes after it).
    await drawer.getByLabel('Until (exclusive)').click();
    await drawer.getByLabel('Until (exclusive)').fill(cstDate(14));
    await drawer.getByLabel('Until (exclusive)').press('Enter');
    await drawer.getByLabel('Written reason').fill(DECISION_REASON);
    await drawer.getByRole('button', { name: 'Submit decision' }).click();
    await drawer.getByText('Waiting for a supervisor').waitFor({ timeout: 15_000 });
    expect((await http.get('/api/v1/me/code', resident.token)).body.color).not.toBe('green');
    await agent.context().close();

    const supervisor = await staffLogin(chromium.browser, server, 'supervisor');
    await supervisor.goto(`${server.baseUrl}/console/#/appeals`);
    await supervisor.getByRole('tab', { name: 'Awaiting my approval' }).click();
    await supervisor.getByRole('button', { name: `Open appeal #${number}` }).click();
    const review = supervisor.getByRole('dialog');
    await review.getByText(DECISION_REASON).first().waitFor();
    await review.getByRole('button', { name: 'Approve and apply' }).click();
    await review.getByText('Approved', { exact: true }).waitFor({ timeout: 15_000 });
    // The dashboard with a decided appeal of this test's own (its empty state is checked on a server of its own).
    await supervisor.goto(`${server.baseUrl}/console/#/dashboard`);
    await supervisor.getByRole('cell', { name: resident.reason.ruleId, exact: true }).first().waitFor();
    await supervisor.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, {
      timeout: 15_000,
    });
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.context().close();

    const code = await http.get('/api/v1/me/code', resident.token);
    expect(code.body.color).toBe('green');
    expect(JSON.stringify(code.body.reasons)).toContain(DECISION_REASON);
  });

  it("a region admin raises a district's risk, previews it, publishes, follows the re-scoring to 100% and sees the dashboard change", async () => {
    const admin = await staffLogin(chromium.browser, server, 'region-admin');
    await admin.goto(`${server.baseUrl}/console/#/dashboard`);
    await admin.getByText('Residents').first().waitFor();
    // The dashboard shows the red count the API gives (a suppressed one, below STATS_SUPPRESS_BELOW or one that
    // subtraction would reveal, as "hidden"). Earlier tests' re-scoring may still move the counts, so the page and
    // the API are compared at one moment, reloading until both agree.
    const before = await dashboardShowsRed(admin, http, 30_000);

    await admin.goto(`${server.baseUrl}/console/#/rules`);
    await admin.getByLabel('Go to a region code').fill('330106');
    await admin.getByLabel('Go to a region code').press('Enter');
    await admin.getByRole('heading', { name: 'Xihu District (330106)' }).waitFor();
    // The form starts from the district's current level: raise it to high.
    await admin.getByRole('combobox', { name: /Risk level/ }).click();
    await admin.locator('.ant-select-item-option[title="High risk"]').click();
    await admin.getByRole('button', { name: 'Preview the effect' }).click();
    const previewBar = admin.getByRole('progressbar', { name: 'Preview progress' });
    await previewBar.waitFor();
    await admin.waitForFunction(
      () => document.querySelector('[aria-labelledby^="run-"][aria-valuenow="100"]') !== null,
      undefined,
      { timeout: 60_000 },
    );
    await admin.getByText('Residents whose colour would change').waitFor();
    await shot(admin, 'rules-preview');
    expect(await seriousViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Publish' }).click();
    const confirm = admin.getByRole('dialog');
    await confirm.getByText(/becomes High risk/).waitFor();
    await confirm.getByRole('button', { name: 'Publish' }).click();
    const rescoreBar = admin.getByRole('progressbar', { name: 'Re-scoring progress' });
    await rescoreBar.waitFor({ timeout: 15_000 });
    await admin.getByText('Re-scoring finished.').waitFor({ timeout: 90_000 });
    expect(await rescoreBar.getAttribute('aria-valuenow')).toBe('100');
    await shot(admin, 'rules-rescored');

    const after = (await http.get('/api/v1/stats/colors?region=33')).body.counts;
    expect(after.red).toBeGreaterThan(before.red ?? 0);
    // The final number of residents whose colour changed, and a link to the run itself.
    const changedColour = admin.locator('.ant-statistic', { hasText: 'Residents whose colour changed' });
    const shown = Number((await changedColour.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
    // A hidden count may be any size (complementary suppression hides counts of 10 and more too), so the published
    // difference bounds the change only when the count before was published.
    if (before.red !== null) expect(shown).toBeGreaterThanOrEqual(after.red - before.red);
    else expect(shown).toBeGreaterThan(0);
    await admin.getByRole('link', { name: 'Open this run' }).first().click();
    await admin.getByRole('heading', { level: 1, name: /→ High risk/ }).waitFor();
    await admin.getByText('Residents whose colour changed').waitFor();
    await admin.getByRole('button', { name: 'Back to the overview' }).waitFor();
    await admin.goto(`${server.baseUrl}/console/#/dashboard`);
    await admin.waitForFunction(
      (red) =>
        [...document.querySelectorAll('.ant-statistic')].some(
          (s) =>
            s.textContent?.startsWith('Red') &&
            s.querySelector('.ant-statistic-content')?.textContent?.replace(/,/g, '') === String(red),
        ),
      after.red,
      { timeout: 20_000 },
    );
    await admin.getByText('Re-scoring jobs').waitFor();
    await shot(admin, 'dashboard');
    await admin.context().close();
  });

  it('an admin is refused, with a clear message, when editing a region outside the scope', async () => {
    const admin = await staffLogin(chromium.browser, server, 'region-admin');
    await admin.goto(`${server.baseUrl}/console/#/rules`);
    await admin.getByLabel('Go to a region code').fill('420103');
    await admin.getByLabel('Go to a region code').press('Enter');
    await admin
      .getByText('is outside your region scope Zhejiang Province (33): you cannot change its risk level.')
      .waitFor();
    expect(await admin.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);

    // The API refuses as well: a draft override for a prefix outside the scope.
    await admin.getByRole('tab', { name: 'Edit a draft' }).click();
    await admin.getByLabel('Changelog (Chinese)').fill('湖北参数');
    await admin.getByLabel('Changelog (English)').fill('Hubei parameters');
    await admin.getByRole('button', { name: 'New draft from the rules in force' }).click();
    await admin.getByRole('heading', { name: /^Editing Draft/ }).waitFor();
    await admin.getByLabel('Region code').fill('42');
    await admin.getByRole('button', { name: "Save this region's parameters" }).click();
    await admin.getByText('You may change only regional overrides inside your own region scope').waitFor();
    await shot(admin, 'rules-refused');
    await admin.context().close();
  });

  // Each case makes the data its screens show, so it passes alone or in any order; the empty states are checked on
  // a server of their own (console-empty-states.e2e.spec.ts).
  it.each([
    ['hotline-agent', ['appeals', 'lookup']],
    ['region-admin', ['rules']],
    ['auditor', ['audit']],
  ])('%s: main screens have no serious or critical axe violations', async (role, screens) => {
    // An open appeal of this test's own fills the agent's queue; the auditor's log holds at least its own login.
    const own = role === 'hotline-agent' ? (await fileOwnAppeal(http)).number : undefined;
    const page = await staffLogin(chromium.browser, server, role);
    const problems: string[] = [];
    for (const name of screens) {
      await page.goto(`${server.baseUrl}/console/#/${name}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      // Nothing half-drawn: spinners and fading rows would be measured mid-transition.
      await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 15_000 });
      await page.waitForTimeout(800);
      if (name === 'appeals' && own) await page.getByRole('button', { name: `Open appeal #${own}` }).waitFor();
      problems.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
      if (name !== 'dashboard' && name !== 'rules') await shot(page, name);
    }
    // The default language too: the same screen in Chinese.
    await page.getByText('中文', { exact: true }).first().click();
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(500);
    problems.push(...(await seriousViolations(page)).map((v) => `${screens.at(-1)} (zh-CN): ${v}`));
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
