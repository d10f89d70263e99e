#!/usr/bin/env node
// The image's one entry point. The same image runs every role and one-shot command:
//   --role=api | --role=worker      the long-running processes
//   migrate | seed-demo             one-shot: apply migrations / seed the demo data (refuses a non-empty database)
//   health-check api|worker         the container health checks (exit 0 healthy, 1 unhealthy)
//   <any other cli>                 audit-verify, keys-rotate, keys-reencrypt, staff-bootstrap-admin, seed-bulk…
// Paths are relative to this file, so the same command runs in the image (/app) and in a checkout (tests).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'apps/api/dist/apps/api/src');
const aliases = { 'keys-reencrypt': 'reencrypt' };

const [command, ...rest] = process.argv.slice(2);
let target;
if (command === '--role=api' || command === '--role=worker') target = join(dist, 'main.js');
else if (command && /^[a-z][a-z-]*$/.test(command)) target = join(dist, 'cli', `${aliases[command] ?? command}.js`);

if (!target || !existsSync(target)) {
  console.error(
    `usage: entrypoint --role=api | --role=worker | migrate | seed-demo | health-check api|worker | <cli> (got "${command ?? ''}")`,
  );
  process.exit(2);
}
// The module reads its arguments from process.argv as if it had been started directly.
process.argv = [process.argv[0], target, ...(target.endsWith('main.js') ? [command] : []), ...rest];
await import(pathToFileURL(target).href);
