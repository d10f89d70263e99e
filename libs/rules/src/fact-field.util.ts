import { type DayNumber, parseIsoDate } from './date.util';
import { isRegionCode } from './region-code.util';
import { RulesException } from './rules.exception';

// A malformed fact is refused rather than skipped: skipping a case record would show green.

export function factDay(value: unknown, path: string): DayNumber {
  const day = parseIsoDate(value);
  if (day === null) throw new RulesException(`Malformed date at ${path}`, 'INVALID_FACT');
  return day;
}

export function factRegion(value: unknown, path: string): string {
  if (!isRegionCode(value)) throw new RulesException(`Malformed region code at ${path}`, 'INVALID_FACT');
  return value;
}
