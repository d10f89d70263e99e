import { isValidPhone, normalizePhone } from './phone.util';

/**
 * Masked forms for display and for storage beside the encrypted value. Each keeps enough to let a
 * person recognise their own record and never more than half of the characters.
 */

/** '330106199001011234' -> '3301**********1234'. Shorter numbers (passports) show less on each side. */
export function maskIdNumber(id: string): string {
  return maskMiddle(id.trim());
}

/** '13812345678' (or '+86 138 1234 5678') -> '138****5678'. */
export function maskPhone(phone: string): string {
  const canonical = normalizePhone(phone);
  return isValidPhone(canonical) ? `${canonical.slice(0, 3)}****${canonical.slice(7)}` : maskMiddle(canonical);
}

/** '张三丰' -> '张**', 'Li Lei' -> 'L*****'; a one-character name is masked entirely. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Up to 4 characters visible at each end, and at most a quarter of the value on each side. */
function maskMiddle(value: string): string {
  const chars = Array.from(value);
  const visible = Math.min(4, Math.floor(chars.length / 4));
  if (visible === 0) return '*'.repeat(chars.length);
  return chars.slice(0, visible).join('') + '*'.repeat(chars.length - 2 * visible) + chars.slice(-visible).join('');
}
