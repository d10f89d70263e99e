import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { type RunningServer, startBuiltServer } from './server.util';
import { DEMO_PASSWORD, totpCode } from './staff-login.util';

const root = join(__dirname, '../../..');

/** Screenshots land in docs/screenshots with UPDATE_SCREENSHOTS=1, otherwise beside the test results. */
export const shotsDir =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs/screenshots') : join(root, '.test-results/screenshots');

export type ConsoleServer = RunningServer;

/**
 * The built API and its worker in demo mode (so the demo staff accounts are seeded), on a scratch database:
 * the console's flows need both the staff logins and the queue worker that runs previews and re-scoring.
 */
export function startConsoleServer(): Promise<ConsoleServer> {
  return startBuiltServer({ mode: 'demo', worker: true, env: { RESCORE_POLL_MS: '200' } });
}

/**
 * Logs a demo staff member into the console in English (the switch is remembered), with TOTP where the role has it.
 * Another account: its user name, with its password and TOTP secret in `as`.
 */
export async function staffLogin(
  browser: Browser,
  server: ConsoleServer,
  role: string,
  as: { password: string; totpSecret: string | null } = {
    password: DEMO_PASSWORD,
    totpSecret: server.totpSecrets[role] ?? null,
  },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/#/login`, { waitUntil: 'networkidle' });
  await page.getByText('English', { exact: true }).first().click();
  await page.getByLabel('Username').fill(role);
  await page.getByLabel('Password').fill(as.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const secret = as.totpSecret;
  if (secret) {
    const field = page.getByLabel('Verification code');
    await field.waitFor();
    await field.fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.getByRole('navigation').first().waitFor({ timeout: 20_000 });
  return page;
}

/** Plain HTTP against the API, for test setup and for reading what residents see. */
export function api(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined } as { status: number; body: any };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown, token?: string) => call('POST', path, body, token),
    put: (path: string, body: unknown, token?: string) => call('PUT', path, body, token),
  };
}
