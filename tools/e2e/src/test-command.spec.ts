import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `npm test` checks for the browser before anything else, and says how to install it. */
describe('npm test without Chromium', () => {
  it('names the install command and exits non-zero before installing, building or testing anything', () => {
    const started = Date.now();
    const res = spawnSync('node', [join(__dirname, '../../scripts/test.mjs')], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Chromium is missing (/nonexistent/chromium)');
    expect(res.stderr).toContain('apt-get install -y chromium fonts-noto-cjk');
    expect(res.stdout).not.toContain('nx run');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
