import { regionName } from '@healthcode/regions';

/**
 * "浙江省 (33)": GB/T 2260 names are Chinese only, so both languages show the official name with its
 * code. An unknown code is shown as it is rather than hidden.
 */
export function regionLabel(code: string): string {
  const name = regionName(code, 'zh');
  return name ? `${name} (${code})` : code;
}

/** The bare official name for chart axes, falling back to the code. */
export function regionShortName(code: string): string {
  return regionName(code, 'zh') ?? code;
}
