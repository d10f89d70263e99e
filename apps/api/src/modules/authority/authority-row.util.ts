import {
  type AuthorityImportKind,
  COUNTY_REGION_MESSAGE,
  cstDate,
  explainResidentIdError,
  isCountyLevelRegion,
  isIsoDate,
  parseRegionCode,
  regionScopeCovers,
} from '@healthcode/contracts';

import type { AuthorityFactKind } from '../authority-facts/authority-fact.entity';
import { authorityFactKey } from '../hmac-keys/authority-fact-key.util';

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
  /** Where the fact happened (cases, contacts: the registering region; bookings: the end inside the scope). */
  region: string;
  /**
   * The fact's stable key from the feed: the case id, or the ID number's HMAC with the date (and, for bookings,
   * the journey). A later row with the same key is the authority correcting that fact, not a second fact.
   */
  factKey: Buffer;
}

export const FACT_KIND: Record<AuthorityImportKind, AuthorityFactKind> = {
  cases: 'case',
  contacts: 'contact',
  bookings: 'booking',
};

const CASE_STATUSES = ['confirmed', 'suspected'];
const MODES = ['plane', 'train', 'bus'];
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

/**
 * Validates one feed row and HMACs its ID number on the spot (`hmacId` gets the normalised number and is the
 * only place it goes). Error messages name the field, never its value.
 */
export function parseAuthorityRow(
  kind: AuthorityImportKind,
  line: number,
  v: Record<string, string>,
  ctx: { now: Date; scope: string; hmacId: (idNumber: string) => Buffer },
): AuthorityRow | RowError[] {
  const { now, scope, hmacId } = ctx;
  const errors: RowError[] = [];
  const today = cstDate(now);
  const date = (field: string, required = true): string | null => {
    const value = v[field] ?? '';
    if (value === '' && !required) return null;
    if (!isIsoDate(value)) errors.push({ line, field, message: 'A real date like 2020-02-10' });
    else if (value > today) errors.push({ line, field, message: 'This date is in the future' });
    return value;
  };
  const region = (field: string): string | null => {
    const value = v[field] ?? '';
    const code = parseRegionCode(value);
    if (code === null || !isCountyLevelRegion(code)) {
      errors.push({ line, field, message: COUNTY_REGION_MESSAGE });
      return null;
    }
    return code;
  };
  // Scope is about where the fact happened, never about the resident's home region.
  const outsideScope = (field: string) =>
    errors.push({ line, field, message: `Outside your region scope (${scope || 'whole country'})` });
  const idNumber = (v.id_number ?? '').trim().toUpperCase();
  const idProblem = idNumber === '' ? 'missing' : explainResidentIdError(idNumber, now);
  if (idProblem)
    errors.push({
      line,
      field: 'id_number',
      message: idProblem === 'missing' ? 'Required' : 'Not a valid resident ID number',
    });

  let data: Record<string, string | null> = {};
  let where: string | null = null;
  let caseId: string | null = null;
  if (kind === 'cases') {
    const status = (v.status ?? '').toLowerCase();
    if (!CASE_STATUSES.includes(status))
      errors.push({ line, field: 'status', message: "One of 'confirmed', 'suspected'" });
    const d = date('date');
    const cleared = date('cleared_date', false);
    if (d && cleared && cleared < d) errors.push({ line, field: 'cleared_date', message: 'Cannot be before the date' });
    caseId = (v.case_id ?? '').trim() || null;
    if (caseId !== null && !CASE_ID.test(caseId))
      errors.push({ line, field: 'case_id', message: 'At most 64 letters, digits and - _ . /' });
    where = region('region');
    if (where !== null && !regionScopeCovers(scope, where)) outsideScope('region');
    data = { status, date: d, clearedDate: cleared, ...(caseId ? { caseId } : {}) };
  } else if (kind === 'contacts') {
    where = region('region');
    if (where !== null && !regionScopeCovers(scope, where)) outsideScope('region');
    data = { date: date('contact_date') };
  } else {
    const mode = (v.mode ?? '').toLowerCase();
    if (!MODES.includes(mode)) errors.push({ line, field: 'mode', message: "One of 'plane', 'train', 'bus'" });
    const from = region('from_region');
    const to = region('to_region');
    // A journey concerns both ends: the authority of either may send it.
    if (from !== null && to !== null) {
      where = [to, from].find((r) => regionScopeCovers(scope, r)) ?? null;
      if (where === null) outsideScope('to_region');
    }
    data = { mode, fromRegion: from, toRegion: to, date: date('date') };
  }
  if (errors.length > 0 || where === null) return errors;
  const idHmac = hmacId(idNumber);
  const factKind = FACT_KIND[kind];
  const factKey = authorityFactKey(factKind, idHmac, data);
  return { line, kind: factKind, idHmac, data, region: where, factKey };
}
