import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * axe-core in the page (console or mini-program): the serious and critical violations, with the offending selectors.
 * It looks at the page at rest: finite animations and transitions (a toast fading in, a row's highlight, antd's
 * motion) are waited for, because axe reads colours mid-fade as low contrast. A node found in violation is checked
 * once more after a short pause, and only what is still there is reported: a real defect stays, a passing frame
 * does not.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // evaluate() is not bound by the console's Content-Security-Policy, which (rightly) forbids inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const first = await violationsAtRest(page);
  if (first.length === 0) return [];
  await page.waitForTimeout(1_000);
  const again = new Set((await violationsAtRest(page)).flatMap((v) => v.nodes.map((n) => nodeKey(v, n))));
  return first
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => again.has(nodeKey(v, n))) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.nodes
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .slice(0, 5)
          .join(' | ')}`,
    );
}

const nodeKey = (v: AxeViolation, n: AxeViolation['nodes'][number]) => `${v.id} ${n.target.join(' ')}`;

async function violationsAtRest(page: Page): Promise<AxeViolation[]> {
  await settleAnimations(page);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits (at most 5 s) until no finite animation or transition is running; endless spinners are ignored. */
async function settleAnimations(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => undefined);
}
