// Measures, from Vite's manifest, the gzip size of the JS a first visit downloads before anything renders
// (the entry and its static imports) and fails the build above the budget. Also prints what the two first
// screens (login, dashboard) add on top, and every chunk, for information.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 400;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const sum = (files) => [...files].reduce((total, file) => total + gzipKb(file), 0);

/** The chunk's file and every chunk it imports statically, recursively. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = closure(entryKey);
const initialKb = sum(initial);

console.log('\nInitial JS, gzip (entry + static imports):');
for (const file of initial) console.log(`  ${gzipKb(file).toFixed(1).padStart(7)} kB  ${file}`);
console.log(`  ${initialKb.toFixed(1).padStart(7)} kB  total (budget ${BUDGET_KB} kB)`);

for (const [label, source] of [
  ['login', 'src/pages/login/index.tsx'],
  ['dashboard (with layout)', ['src/layouts/basic-layout.tsx', 'src/pages/dashboard/index.tsx']],
]) {
  const extra = new Set();
  for (const key of [source].flat()) for (const file of closure(key)) if (!initial.has(file)) extra.add(file);
  console.log(`First screen "${label}": +${sum(extra).toFixed(1)} kB lazy → ${(initialKb + sum(extra)).toFixed(1)} kB`);
}

if (initialKb > BUDGET_KB) {
  console.error(`\nInitial JS is ${initialKb.toFixed(1)} kB gzip, over the ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
