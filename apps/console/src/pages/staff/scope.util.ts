import { regionLabel } from '../../services/region-label.util';

/** '' (the whole country) or a province, city or county prefix: 2, 4 or 6 digits. */
export const SCOPE_PATTERN = /^(\d{2}|\d{4}|\d{6})?$/;

export function scopeLabel(scope: string, wholeCountry: string): string {
  return scope ? regionLabel(scope) : wholeCountry;
}
