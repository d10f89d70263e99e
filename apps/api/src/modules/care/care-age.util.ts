import { ADULT_AGE_YEARS, type IdType } from '@healthcode/contracts';

/** The birth date (YYYY-MM-DD) a resident ID number carries (digits 7–14), or the one stated for a passport. */
export function birthDateOf(idType: IdType, idNumber: string, stated?: string): string | null {
  if (idType === 'resident-id' && /^\d{14}/.test(idNumber))
    return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return stated ?? null;
}

/** Whether someone born on `birthDate` is under 18 on `today` (both ISO dates, China time): the birthday counts. */
export function isMinorOn(birthDate: string, today: string): boolean {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1) < ADULT_AGE_YEARS;
}
