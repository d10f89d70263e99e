import type { Color, ColorCounts } from '@healthcode/contracts';

/**
 * Public statistics hide yellow and red counts from 1 to `below` − 1 (null): in a small region a count of 1 or 2
 * red codes points at identifiable people. Green and zero say nothing about anyone and stay visible.
 */
export function suppressSmallCounts<T extends Record<Color, number>>(
  counts: T,
  below: number,
): Omit<T, 'yellow' | 'red'> & ColorCounts {
  const hide = (n: number) => (n > 0 && n < below ? null : n);
  return { ...counts, yellow: hide(counts.yellow), red: hide(counts.red) };
}
