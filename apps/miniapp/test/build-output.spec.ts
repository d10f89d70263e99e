/**
 * Checks the WeChat and Alipay builds (`npm test` runs `build:weapp` and `build:alipay` first): an app.json
 * that registers every page of the app, each page's files, and the WeChat main-package size budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { PAGES } from '../src/navigation/routes.constant';

const dist = join(__dirname, '../dist');
/** Our budget; WeChat refuses a main package over 2 MB. */
const WEAPP_MAIN_PACKAGE_MAX = 1024 * 1024;

function totalBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    total += s.isDirectory() ? totalBytes(path) : s.size;
  }
  return total;
}

describe.each([
  ['weapp', 'wxml', 'wxss'],
  ['alipay', 'axml', 'acss'],
])('the %s build', (platform, markup) => {
  const out = join(dist, platform);

  it('exists (run `npm run build:' + platform + '` first)', () => {
    expect(existsSync(join(out, 'app.json'))).toBe(true);
  });

  it('registers every page of the app in app.json, the entry first', () => {
    const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages?: unknown[];
      subpackages?: unknown[];
    };
    expect([...app.pages].sort()).toEqual(Object.values(PAGES).sort());
    expect(app.pages[0]).toBe(PAGES.index);
  });

  it.each(Object.values(PAGES))('has the files of %s', (page) => {
    for (const ext of ['js', 'json', markup]) expect(existsSync(join(out, `${page}.${ext}`))).toBe(true);
  });

  it('does not bundle jose (no Web Crypto on mini-program hosts: checkpoints verify online there)', () => {
    const code = readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/JWSSignatureVerificationFailed|crypto\.subtle/);
  });
});

describe('the WeChat main package', () => {
  it(`is at most ${WEAPP_MAIN_PACKAGE_MAX / 1024} KB`, () => {
    const bytes = totalBytes(join(dist, 'weapp'));
    // Printed for docs/benchmarks.md ("Mini-program builds").
    console.log(
      `weapp main package: ${bytes} bytes; alipay: ${existsSync(join(dist, 'alipay')) ? totalBytes(join(dist, 'alipay')) : 'n/a'} bytes`,
    );
    expect(bytes).toBeLessThanOrEqual(WEAPP_MAIN_PACKAGE_MAX);
  });
});
