import { residentIdCheckDigit } from '@healthcode/contracts';

import { launchChromium } from './browser.util';
import { seriousViolations } from './axe.util';
import { api, type ConsoleServer, staffLogin, startConsoleServer } from './console-harness.util';

/** A resident ID with a correct check digit, unique per run. */
function residentId(): string {
  const first17 = `330106198807${String(10 + Math.floor(Math.random() * 18))}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

const REASON = 'Household register shown on a video call; the photo and the number match the caller.';

describe('hotline-assisted verification in the console, in Chromium against the real API (e2e)', () => {
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

  it('an agent files a document check, a different supervisor approves it, and the resident is verified (hotline) and sees both in their access log', async () => {
    // A resident whom no host can verify: signed up, unverified, no code.
    const login = await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-hotline${Date.now()}` });
    const token = login.body.accessToken as string;
    const consent = (await http.get('/api/v1/consent')).body;
    const idNumber = residentId();
    const signUp = await http.put(
      '/api/v1/me/profile',
      {
        consentVersion: consent.version,
        name: '热线居民',
        idType: 'resident-id',
        idNumber,
        phone: '13812345678',
        homeRegion: '330106',
      },
      token,
    );
    expect(signUp.status).toBe(200);
    expect((await http.get('/api/v1/me/code', token)).status).toBe(409);

    const agent = await staffLogin(chromium.browser, server, 'hotline-agent');
    await agent.goto(`${server.baseUrl}/console/#/identity-verifications`);
    await agent.getByText('No verification is waiting for a decision').waitFor({ timeout: 20_000 });
    await agent.getByLabel('Call reference').fill('HC-E2E-1');
    await agent.getByLabel('Number on the document').fill(idNumber);
    await agent.getByLabel('What was checked').fill(REASON);
    await agent.getByRole('button', { name: 'Send to a supervisor' }).click();
    await agent.getByRole('cell', { name: REASON }).waitFor({ timeout: 15_000 });
    // An agent sees the queue but cannot decide.
    expect(await agent.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    expect(await seriousViolations(agent)).toEqual([]);
    await agent.context().close();
    expect((await http.get('/api/v1/me/profile', token)).body.verification.state).toBe('unverified');

    const supervisor = await staffLogin(chromium.browser, server, 'supervisor');
    await supervisor.goto(`${server.baseUrl}/console/#/identity-verifications`);
    await supervisor.getByRole('cell', { name: REASON }).waitFor({ timeout: 20_000 });
    const masked = `${idNumber.slice(0, 4)}`;
    await supervisor.getByRole('button', { name: new RegExp(`^Approve the request for ID number ${masked}`) }).click();
    await supervisor.getByText('No verification is waiting for a decision').waitFor({ timeout: 15_000 });
    await supervisor.getByRole('tab', { name: 'Approved' }).click();
    await supervisor.getByRole('cell', { name: REASON }).waitFor({ timeout: 15_000 });
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.context().close();

    expect((await http.get('/api/v1/me/profile', token)).body.verification).toMatchObject({
      state: 'verified',
      method: 'hotline',
    });
    expect((await http.get('/api/v1/me/code', token)).status).toBe(200);
    const log = (await http.get('/api/v1/me/access-log', token)).body.items as { role: string; scope: string }[];
    expect(
      log
        .filter((e) => e.scope === 'identity')
        .map((e) => e.role)
        .sort(),
    ).toEqual(['hotline-agent', 'supervisor']);
  });
});
