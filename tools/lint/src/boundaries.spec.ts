import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEP_CONSTRAINTS } from './dep-constraints.mjs';

interface GraphNode {
  name: string;
  data: { root: string; tags?: string[] };
}
interface ProjectGraph {
  graph: { nodes: Record<string, GraphNode>; dependencies: Record<string, { target: string }[]> };
}

const root = join(__dirname, '../../..');
const FIXTURE = 'lint-fixture-forbidden-edge';

/** Module boundaries are an allowlist that covers every project, and a forbidden edge really fails lint. */
describe('module boundaries', () => {
  let graph: ProjectGraph['graph'];
  beforeAll(() => {
    // The boundary rule and this test read the project graph Nx computes from the workspace.
    const file = join(mkdtempSync(join(tmpdir(), 'hc-graph-')), 'graph.json');
    execFileSync('npx', ['nx', 'graph', `--file=${file}`], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'pipe',
    });
    graph = (JSON.parse(readFileSync(file, 'utf8')) as ProjectGraph).graph;
  }, 120_000);

  const projects = () => Object.values(graph.nodes);
  const tagsOf = (name: string) => graph.nodes[name]?.data.tags ?? [];

  it('gives every project a type and a scope', () => {
    const untagged = projects()
      .filter(
        (p) => !p.data.tags?.some((t) => t.startsWith('type:')) || !p.data.tags?.some((t) => t.startsWith('scope:')),
      )
      .map((p) => p.name);
    expect(untagged).toEqual([]);
  });

  it('lists every tag in use with what it may depend on, and nothing as "*"', () => {
    const listed = new Set(DEP_CONSTRAINTS.map((c) => c.sourceTag));
    const used = new Set(projects().flatMap((p) => p.data.tags ?? []));
    expect([...used].filter((t) => !listed.has(t))).toEqual([]);
    for (const c of DEP_CONSTRAINTS) {
      expect(c.sourceTag).not.toContain('*');
      expect(c.onlyDependOnLibsWithTags.length).toBeGreaterThan(0);
      expect(c.onlyDependOnLibsWithTags.filter((t) => t.includes('*'))).toEqual([]);
    }
  });

  it('keeps tools above the apps: no app or library depends on a tool', () => {
    const edges = Object.entries(graph.dependencies).flatMap(([source, deps]) =>
      deps
        .filter((d) => graph.nodes[d.target])
        .filter((d) => !tagsOf(source).includes('type:tool') && tagsOf(d.target).includes('type:tool'))
        .map((d) => `${source} -> ${d.target}`),
    );
    expect(edges).toEqual([]);
  });

  it('fails lint for the fixture project that imports across forbidden edges', () => {
    expect(tagsOf(FIXTURE)).toEqual(['type:lib', 'scope:shared']);
    const res = spawnSync(
      'npx',
      ['eslint', '--no-ignore', '--format', 'json', 'tools/lint/fixtures/forbidden-edge/src/index.ts'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
    );
    expect(res.status).toBe(1);
    const [result] = JSON.parse(res.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[];
    const boundary = result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');
    // One error per forbidden import: scope:shared -> scope:seed (line 3) and scope:shared -> scope:rules (line 4).
    expect(boundary.map((m) => m.line)).toEqual([3, 4]);
    expect(boundary[0].message).toMatch(/"scope:shared" can only depend on libs tagged with "scope:shared"/);
  }, 120_000);
});
