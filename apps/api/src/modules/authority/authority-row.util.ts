import { createHash } from 'node:crypto';

import {
  type AuthorityImportKind,
  COUNTY_REGION_MESSAGE,
  cstDate,
  explainResidentIdError,
  isCountyLevelRegion,
  isIsoDate,
  parseRegionCode,
} from '@healthcode/contracts';

import type { AuthorityFactKind } from './authority-fact.entity';

export interface RowError {
  line: number;
  field: string;
  message: string;
}

/** A validated row: the ID number is already replaced by its keyed HMAC; the plain number is gone. */
export interface AuthorityRow {
  line: number;
  kind: AuthorityFactKind;
  idHmac: Buffer;
  data: Record<string, string | null>;
  /** Content hash (kind, HMAC, data): the same row imported twice is stored once. */
  rowHash: Buffer;
}

export const FACT_KIND: Record<AuthorityImportKind, AuthorityFactKind> = {
  cases: 'case',
  contacts: 'contact',
  bookings: 'booking',
};

const CASE_STATUSES = ['confirmed', 'suspected'];
const MODES = ['plane', 'train', 'bus'];

/**
 * Validates one feed row and HMACs its ID number on the spot (`hmacId` gets the normalised number and is the
 * only place it goes). Error messages name the field, never its value.
 */
export function parseAuthorityRow(
  kind: AuthorityImportKind,
  line: number,
  v: Record<string, string>,
  now: Date,
  hmacId: (idNumber: string) => Buffer,
): AuthorityRow | RowError[] {
  const errors: RowError[] = [];
  const today = cstDate(now);
  const date = (field: string, required = true): string | null => {
    const value = v[field] ?? '';
    if (value === '' && !required) return null;
    if (!isIsoDate(value)) errors.push({ line, field, message: 'A real date like 2020-02-10' });
    else if (value > today) errors.push({ line, field, message: 'This date is in the future' });
    return value;
  };
  const region = (field: string): string => {
    const value = v[field] ?? '';
    const code = parseRegionCode(value);
    if (code === null || !isCountyLevelRegion(code)) errors.push({ line, field, message: COUNTY_REGION_MESSAGE });
    return code ?? value;
  };
  const idNumber = (v.id_number ?? '').trim().toUpperCase();
  const idProblem = idNumber === '' ? 'missing' : explainResidentIdError(idNumber, now);
  if (idProblem)
    errors.push({
      line,
      field: 'id_number',
      message: idProblem === 'missing' ? 'Required' : 'Not a valid resident ID number',
    });

  let data: Record<string, string | null> = {};
  if (kind === 'cases') {
    const status = (v.status ?? '').toLowerCase();
    if (!CASE_STATUSES.includes(status))
      errors.push({ line, field: 'status', message: "One of 'confirmed', 'suspected'" });
    const d = date('date');
    const cleared = date('cleared_date', false);
    if (d && cleared && cleared < d) errors.push({ line, field: 'cleared_date', message: 'Cannot be before the date' });
    data = { status, date: d, clearedDate: cleared };
  } else if (kind === 'contacts') {
    data = { date: date('contact_date') };
  } else {
    const mode = (v.mode ?? '').toLowerCase();
    if (!MODES.includes(mode)) errors.push({ line, field: 'mode', message: "One of 'plane', 'train', 'bus'" });
    data = { mode, fromRegion: region('from_region'), toRegion: region('to_region'), date: date('date') };
  }
  if (errors.length > 0) return errors;
  const idHmac = hmacId(idNumber);
  const factKind = FACT_KIND[kind];
  const rowHash = createHash('sha256')
    .update(JSON.stringify([factKind, idHmac.toString('hex'), data]))
    .digest();
  return { line, kind: factKind, idHmac, data, rowHash };
}
