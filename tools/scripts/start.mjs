#!/usr/bin/env node
// `npm start`: install what is missing, build, migrate, seed an empty database, then run the API (which also
// serves the console and the H5 app) and the worker on one port. Ctrl-C stops everything it started.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { seedDemoAppeals } from './demo-appeals.mjs';
import { ensureInstalled, root, run, startChild, stopChildren, waitForHttp } from './proc.mjs';

const port = process.env.PORT ?? '8080';
const env = {
  HC_MODE: process.env.HC_MODE ?? 'demo',
  PORT: port,
  CONSOLE_DIST: join(root, 'apps/console/dist'),
  MINIAPP_DIST: join(root, 'apps/miniapp/dist/h5'),
};
const apiMain = join(root, 'apps/api/dist/apps/api/src/main.js');
const cli = (name) => join(root, `apps/api/dist/apps/api/src/cli/${name}.js`);
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n[healthcode] stopping…');
  await stopChildren(children);
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  ensureInstalled();
  // Only the H5 build of the mini-program is served; Nx's cache makes a second start skip unchanged builds.
  // Production builds whatever NODE_ENV the caller has (jest, for one, sets it to "test").
  run('npx', ['nx', 'run-many', '-t', 'build', 'build:h5', '--parallel=2'], { env: { NODE_ENV: 'production' } });
  run('node', [cli('migrate')], { env });
  run('node', [cli('seed-demo')], { env });
} catch (error) {
  console.error(`[healthcode] ${error.message}`);
  process.exit(error.exitCode ?? 1);
}

children.push(startChild('api', 'node', [apiMain, '--role=api'], env));
children.push(startChild('worker', 'node', [apiMain, '--role=worker'], env));
for (const c of children) {
  c.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[healthcode] ${c.name} exited (${code ?? signal}); stopping the rest`);
    void shutdown(1);
  });
}

const base = `http://127.0.0.1:${port}`;
if (!(await waitForHttp(`${base}/api/ready`, 60_000, () => !stopping))) {
  console.error('[healthcode] the API did not become ready within 60 s');
  await shutdown(1);
}
// Written by the demo seed (demo mode only): staff user names, the shared password and TOTP secrets.
function staffBanner() {
  const file = join(root, '.healthcode/demo-staff.txt');
  const text =
    env.HC_MODE === 'demo' && existsSync(file)
      ? readFileSync(file, 'utf8').trimEnd()
      : 'Staff accounts:     none seeded (production mode): create the first with npm run -w @healthcode/api staff:bootstrap-admin';
  return text
    .split('\n')
    .map((line) => `│ ${line}`)
    .join('\n');
}
const openAppeals = env.HC_MODE === 'demo' ? await seedDemoAppeals(base).catch(() => 0) : 0;
console.log(`
┌─ healthcode is running (${env.HC_MODE} mode) ───────────────────────────────
│ Resident app (H5):  ${base}/app/
│ Staff console:      ${base}/console/
│ API:                ${base}/api   (OpenAPI: ${base}/api/docs)
│ Readiness:          ${base}/api/ready
│ QR key set:         ${base}/.well-known/jwks.json
│ Public rules:       ${base}/api/v1/rules?region=330106
│
│ Resident dev login: in the H5 app choose "demo login" with the name  demo
│   (or POST /api/v1/auth/host-login {"provider":"dev","code":"dev-demo"});
│   demo1 … demo59 are seeded too: every 5th from demo1 is red, from demo2 yellow.
│   Open appeals: ${openAppeals} (from demo1, demo6, demo11), waiting in the console's appeals workbench.
${staffBanner()}
│ Worker:             running as a second process (queue prefix {hc}).
│ Ctrl-C stops everything.
└─────────────────────────────────────────────────────────────────────────────`);
