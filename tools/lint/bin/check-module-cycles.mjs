#!/usr/bin/env node
// `npm run lint` step: fails when the API's modules import each other in a cycle.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { moduleCycleProblems, moduleGraph } from '../src/module-cycles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Cycles known and accepted: none. (`authority` was split: the facts scoring reads live in `authority-facts`,
 * below `code`; the import and withdrawal workflow that starts a re-score stays in `authority`, above `rescore`.)
 */
const KNOWN = [];

const problems = moduleCycleProblems(moduleGraph(join(root, 'apps/api/src/modules')), KNOWN);
if (problems.length > 0) {
  console.error(`[module-cycles] ${problems.join('\n[module-cycles] ')}`);
  process.exit(1);
}
console.log('[module-cycles] no cycles between API modules');
