// Finds import cycles between the API's modules (the folders under apps/api/src/modules). A cycle means two
// modules each need the other, so neither can be understood, tested or moved alone. File-level tools (madge)
// miss most of these: module A's service imports B's repository while B's service imports A's util.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'|(?:^|\n)\s*import\s+'(\.[^']+)'/g;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * The module graph of `modulesDir`: for each module, the modules it imports, with the importing files.
 * Type-only imports count too: they are knowledge of the other module all the same.
 * @returns {Map<string, Map<string, string[]>>}
 */
export function moduleGraph(modulesDir) {
  const root = resolve(modulesDir);
  const moduleOf = (path) => relative(root, path).split(sep)[0];
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const from = moduleOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? match[2]);
      if (!target.startsWith(root + sep)) continue;
      const to = moduleOf(target);
      if (to === from) continue;
      const edges = graph.get(from);
      edges.set(to, [...(edges.get(to) ?? []), relative(root, file)]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), each sorted, largest first. */
export function cyclicGroups(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return groups.sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
}

/** The imports that keep each group cyclic: edges between two modules of the same group. */
export function cycleEdges(graph, group) {
  const members = new Set(group);
  return group.flatMap((from) =>
    [...(graph.get(from) ?? new Map())].filter(([to]) => members.has(to)).map(([to, files]) => ({ from, to, files })),
  );
}

/**
 * Problems with the module graph: every cycle left once the `known` edges ("a -> b") are set aside, and every
 * known edge that no longer closes a cycle (so the list only shrinks).
 * @returns {string[]}
 */
export function moduleCycleProblems(graph, known = []) {
  const problems = [];
  const inCycle = new Set(cyclicGroups(graph).flatMap((g) => cycleEdges(graph, g).map((e) => `${e.from} -> ${e.to}`)));
  for (const edge of known)
    if (!inCycle.has(edge)) problems.push(`"${edge}" no longer closes a cycle: remove it from the known list`);
  const pruned = new Map(
    [...graph].map(([from, edges]) => [
      from,
      new Map([...edges].filter(([to]) => !known.includes(`${from} -> ${to}`))),
    ]),
  );
  for (const group of cyclicGroups(pruned)) {
    const lines = cycleEdges(pruned, group).map((e) => `  ${e.from} -> ${e.to}  (${[...new Set(e.files)].join(', ')})`);
    problems.push(`modules ${group.join(', ')} import each other:\n${lines.join('\n')}`);
  }
  return problems;
}
