// Shared by the benchmarks: build the API once into a private directory and parse flags.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `--name N` or `--name=N`, a whole number. */
export function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected a whole number, got ${raw}`);
  return n;
}

/**
 * Compiles the API and the libraries it imports with tsc into apps/api/node_modules/.cache/<name> (so the
 * shared dist and other builds are untouched, and Node still finds the dependencies), plus a preload that maps
 * @healthcode/* to the freshly compiled library sources.
 */
export function buildApi(root, name) {
  const out = join(root, 'apps/api/node_modules/.cache', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.app.json', '--outDir', out], {
      cwd: join(root, 'apps/api'),
      stdio: 'pipe',
    });
  } catch (error) {
    // Type errors elsewhere still emit JavaScript; a missing entry point fails loudly when it is started.
    console.warn(
      `[bench] tsc reported problems (JavaScript emitted anyway): ${String(error.stdout ?? '').split('\n')[0]}`,
    );
  }
  const libs = {
    contracts: 'libs/contracts',
    rules: 'libs/rules',
    regions: 'libs/regions',
    'qr-token': 'libs/qr-token',
    seed: 'libs/seed',
  };
  const map = Object.fromEntries(
    Object.entries(libs).map(([k, v]) => [`@healthcode/${k}`, join(out, v, 'src/index.js')]),
  );
  const preload = join(out, 'alias.cjs');
  writeFileSync(
    preload,
    `const Module = require('node:module'); const map = ${JSON.stringify(map)}; const orig = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return orig.call(this, map[request] ?? request, ...rest); };\n`,
  );
  return { out, preload };
}
