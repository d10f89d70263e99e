import type { Browser, BrowserContext, Page } from 'playwright-core';

import { DEMO_PASSWORD } from './staff-login.util';

/** Taro's H5 inputs carry the label on the custom element or on the inner input, depending on the component. */
export const input = (page: Page, label: string) =>
  page.locator(`[aria-label="${label}"] input, input[aria-label="${label}"]`).first();

/** The same for Taro's H5 text areas. */
export const textarea = (page: Page, label: string) =>
  page.locator(`[aria-label="${label}"] textarea, textarea[aria-label="${label}"]`).first();

/** A phone-sized touch context (Taro's pickers need touch) in the given language. */
export async function mobilePage(
  browser: Browser,
  { width = 375, locale = 'en-US' }: { width?: number; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
  });
  return { context, page: await context.newPage() };
}

/** Signs in through the dev provider as `demoName`, in English, and waits for the page the app opens. */
export async function signInAs(page: Page, baseUrl: string, demoName: string): Promise<void> {
  await page.goto(`${baseUrl}/app/`, { waitUntil: 'networkidle' });
  await page.locator('[aria-label="English"]').first().click();
  await input(page, 'Demo user name').fill(demoName);
  await page.locator('#login-submit').click();
}

/**
 * Signs in as the demo checkpoint operator, in English, sets this device up for `checkpointId` with its credential and
 * asks for the offline keys: what the caller then waits for (keys, card status list) is its own.
 */
export async function setUpCheckpointDevice(
  page: Page,
  baseUrl: string,
  checkpointId: string,
  authorization: string,
): Promise<void> {
  await page.goto(`${baseUrl}/app/`, { waitUntil: 'networkidle' });
  await page.locator('[aria-label="English"]').first().click();
  await page.locator('#login-checkpoint').click();
  await input(page, 'User name').fill('checkpoint-operator');
  await input(page, 'Password').fill(DEMO_PASSWORD);
  await page.locator('#staff-login-submit').click();
  await input(page, 'Checkpoint ID').fill(checkpointId);
  await input(page, 'Device credential').fill(authorization);
  await page.locator('#checkpoint-save-device').click();
  await page.locator('#checkpoint-keys').click();
}

/**
 * Chooses an option of a Taro H5 picker: open it, move the visible column to the option (Taro's picker column is
 * driven by pointer moves), confirm with 确定. Index 0 is preselected, so it is only confirmed.
 */
export async function pick(page: Page, label: string, option?: string): Promise<void> {
  // A picker's name is its label, then the visible value ("Home region: Province Zhejiang Province").
  await page.locator(`[aria-label="${label}"], [aria-label^="${label} "]`).first().click();
  await page.waitForTimeout(500);
  if (option) {
    const result = await page.evaluate(async (text) => {
      const visible = Array.from(document.querySelectorAll('taro-picker-group')).filter((g) =>
        (g as HTMLElement).checkVisibility(),
      );
      if (visible.length !== 1) return `expected one visible picker column, found ${visible.length}`;
      const group = visible[0] as HTMLElement & {
        handleMoveStart(y: number): Promise<void>;
        handleMoving(y: number): Promise<void>;
        handleMoveEnd(y: number): Promise<void>;
      };
      const items = Array.from(group.querySelectorAll('.weui-picker__item')).map((i) => i.textContent);
      const index = items.indexOf(text);
      if (index < 0) return `"${text}" not among ${items.slice(0, 12).join(', ')}`;
      if (index > 0) {
        await group.handleMoveStart(600);
        await group.handleMoving(600 - 34 * index);
        await new Promise((r) => setTimeout(r, 150));
        await group.handleMoveEnd(600 - 34 * index);
      }
      return 'ok';
    }, option);
    if (result !== 'ok') throw new Error(`${label}: ${result}`);
    await page.waitForTimeout(400);
  }
  await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
  await page.waitForTimeout(500);
}

export async function pickRegion(page: Page, label: string, names: [string, string, string]): Promise<void> {
  await pick(page, `${label}: Province`, names[0]);
  await pick(page, `${label}: City`, names[1]);
  await pick(page, `${label}: District`, names[2]);
}
