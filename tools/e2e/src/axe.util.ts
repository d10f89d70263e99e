import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

/** axe-core in the page (console or mini-program): the serious and critical violations, with the offending selectors. */
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
