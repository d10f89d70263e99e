import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';

import { type RunningServer, startBuiltServer } from './server.util';

const root = join(__dirname, '../../..');
export const DEMO_PASSWORD = 'healthcode-demo';

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

const lastStep = new Map<string, number>();

/**
 * A fresh TOTP code: the API refuses a time step it has already accepted and accepts one step of drift, so a
 * third login inside one 30-second window waits for the clock.
 */
export async function totpCode(secret: string): Promise<string> {
  const used = lastStep.get(secret);
  let current = Math.floor(Date.now() / 30_000);
  while (used !== undefined && used + 1 > current + 1) {
    await new Promise((r) => setTimeout(r, 1000));
    current = Math.floor(Date.now() / 30_000);
  }
  const step = used === undefined ? current : Math.max(current, used + 1);
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * 30 });
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

/** axe-core in the page: the serious and critical violations, with the offending selectors. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // evaluate() is not bound by the console's Content-Security-Policy, which (rightly) forbids inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              nodes: { target: string[]; html: string; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.nodes
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .slice(0, 5)
          .join(' | ')}`,
    );
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
