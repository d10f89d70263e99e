import { regionScopeCovers } from '@healthcode/contracts';

import type { AuthorityRow, RowError } from './authority-row.util';

/** A fact already on file, as the reconciliation needs it. */
export interface FactOnFile {
  id: string;
  kind: string;
  idHmac: Buffer;
  data: Record<string, string | null>;
  factKey: Buffer;
  region: string | null;
}

export interface PlannedUpdate {
  factId: string;
  row: AuthorityRow;
  /** Changed fields with their new values ('region' included when it moved). */
  fields: Record<string, string | null>;
}

export interface ReconcilePlan {
  inserts: AuthorityRow[];
  updates: PlannedUpdate[];
  duplicates: number;
  errors: RowError[];
}

function changedFields(
  before: Record<string, string | null>,
  beforeRegion: string | null,
  row: AuthorityRow,
): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(row.data)]))
    if ((before[key] ?? null) !== (row.data[key] ?? null)) fields[key] = row.data[key] ?? null;
  if (beforeRegion !== row.region) fields.region = row.region;
  return fields;
}

/**
 * Decides, for each valid row, whether it adds a fact, corrects one already on file (same stable key), or
 * repeats it. Rows are taken in file order, so a later row with the same key corrects an earlier one of the
 * same file. A correction is refused when the fact on file was registered outside the importer's scope, or
 * when its case id already names another person's record.
 */
export function reconcileFacts(
  rows: readonly AuthorityRow[],
  onFile: readonly FactOnFile[],
  scope: string,
): ReconcilePlan {
  const known = new Map(onFile.map((f) => [f.factKey.toString('hex'), f]));
  const pendingInsert = new Map<string, AuthorityRow>();
  const pendingUpdate = new Map<string, PlannedUpdate>();
  const errors: RowError[] = [];
  let duplicates = 0;
  for (const row of rows) {
    const key = row.factKey.toString('hex');
    const stored = known.get(key);
    if (!stored) {
      // A second row of the same file with this key repeats or supersedes the first: the later one stands.
      if (pendingInsert.has(key)) duplicates++;
      pendingInsert.set(key, row);
      continue;
    }
    if (stored.kind !== row.kind || !stored.idHmac.equals(row.idHmac)) {
      errors.push({ line: row.line, field: 'case_id', message: 'This case id already names another person’s record' });
      continue;
    }
    if (stored.region !== null && !regionScopeCovers(scope, stored.region)) {
      errors.push({
        line: row.line,
        field: 'region',
        message: `The record on file was registered outside your region scope (${scope || 'whole country'})`,
      });
      continue;
    }
    const fields = changedFields(stored.data, stored.region, row);
    if (pendingUpdate.delete(key) || Object.keys(fields).length === 0) duplicates++;
    if (Object.keys(fields).length > 0) pendingUpdate.set(key, { factId: stored.id, row, fields });
  }
  return { inserts: [...pendingInsert.values()], updates: [...pendingUpdate.values()], duplicates, errors };
}
