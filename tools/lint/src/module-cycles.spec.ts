import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { cyclicGroups, moduleCycleProblems, moduleGraph } from './module-cycles.mjs';

/** A throwaway modules folder: { 'a/a.service.ts': "import { B } from '../b/b.service';" , ... }. */
function modules(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hc-modules-'));
  for (const [path, code] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), code);
  }
  return root;
}

describe('module cycles', () => {
  it('accepts modules layered one way', () => {
    const root = modules({
      'code/code.service.ts': "import { ResidentRepository } from '../resident/resident.repository';",
      'resident/resident.repository.ts': "import { Clock } from '../clock/clock';",
      'clock/clock.ts': 'export class Clock {}',
    });
    expect(moduleCycleProblems(moduleGraph(root))).toEqual([]);
  });

  it('finds a cycle through three modules, type-only and re-exports included, and names the files', () => {
    const root = modules({
      'a/a.service.ts': "import type { B } from '../b/b.model';",
      'b/b.model.ts': "export { C } from '../c/c.util';",
      'c/c.util.ts': "import {\n  A,\n} from '../a/a.service';",
      'd/d.ts': "import { A } from '../a/a.service';",
    });
    expect(cyclicGroups(moduleGraph(root))).toEqual([['a', 'b', 'c']]);
    const [problem] = moduleCycleProblems(moduleGraph(root));
    expect(problem).toContain('modules a, b, c import each other');
    expect(problem).toContain('c -> a  (c/c.util.ts)');
  });

  it('ignores imports inside one module and specs', () => {
    const root = modules({
      'a/a.service.ts': "import { X } from './x.util';",
      'a/x.util.ts': "import { A } from './a.service';",
      'a/a.service.spec.ts': "import { B } from '../b/b';",
      'b/b.ts': "import { A } from '../a/a.service';",
    });
    expect(moduleCycleProblems(moduleGraph(root))).toEqual([]);
  });

  it('sets known edges aside, and insists they are removed once the cycle is gone', () => {
    const cyclic = modules({ 'a/a.ts': "import '../b/b';", 'b/b.ts': "import '../a/a';" });
    expect(moduleCycleProblems(moduleGraph(cyclic), ['b -> a'])).toEqual([]);
    const fixed = modules({ 'a/a.ts': "import '../b/b';", 'b/b.ts': '' });
    expect(moduleCycleProblems(moduleGraph(fixed), ['b -> a'])).toEqual([
      '"b -> a" no longer closes a cycle: remove it from the known list',
    ]);
  });

  it('a new cycle in the API fails even with the known edge set aside', () => {
    const root = modules({
      'authority/authority-import.service.ts': "import '../rescore/rescore-run.service';",
      'rescore/range-scorer.service.ts': "import '../code/facts.repository';",
      'code/facts.repository.ts': "import '../authority/authority-fact.entity';",
      'authority/authority-fact.entity.ts': '',
      'resident/resident.repository.ts': "import '../code/code.service';",
      'code/code.service.ts': "import '../resident/resident.repository';",
    });
    const problems = moduleCycleProblems(moduleGraph(root), ['authority -> rescore']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('modules code, resident import each other');
  });
});
