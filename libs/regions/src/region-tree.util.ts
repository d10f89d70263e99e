import type { RegionLevel, RegionTreeNode } from './region.model';
import { getChildren } from './region-lookup.util';

const DEPTH: Record<RegionLevel, number> = { province: 1, city: 2, district: 3 };
const trees = new Map<RegionLevel, readonly RegionTreeNode[]>();

/**
 * Nested {code, name, children} nodes for cascading pickers, down to `deepest` (a province/city picker
 * passes 'city'). Built on first call per depth and shared afterwards: the nodes are frozen, copy them
 * before adapting to a component's own option shape.
 */
export function regionTree(deepest: RegionLevel = 'district'): readonly RegionTreeNode[] {
  let tree = trees.get(deepest);
  if (!tree) {
    tree = build(null, DEPTH[deepest]);
    trees.set(deepest, tree);
  }
  return tree;
}

function build(parentCode: string | null, depthLeft: number): readonly RegionTreeNode[] {
  return Object.freeze(
    getChildren(parentCode).map((region) => {
      const children = depthLeft > 1 ? build(region.code, depthLeft - 1) : [];
      return Object.freeze(
        children.length > 0
          ? { code: region.code, name: region.name, children }
          : { code: region.code, name: region.name },
      );
    }),
  );
}
