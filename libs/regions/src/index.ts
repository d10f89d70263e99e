export type { Region, RegionLevel, RegionLocale, RegionTreeNode } from './region.model';
export { REGION_CODE_PATTERN } from './region-code.constant';
export { isValidRegionCode, isValidRegionPrefix, normalizeRegionCode, prefixCovers } from './region-code.util';
export {
  englishRegionPath,
  getAncestors,
  getChildren,
  getRegion,
  listDistricts,
  regionName,
} from './region-lookup.util';
export { englishRegionName, isRegionGrouping } from './region-name-en.util';
export { regionTree } from './region-tree.util';
export { isProvinceCode } from './province.util';
