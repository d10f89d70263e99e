import { uuidToBuffer } from './uuid-binary.transformer';

/**
 * Whose rows a set-based read covers: every resident of a primary-key range (a re-score range), or only the listed
 * residents (one resident, or a preview's residents with facts of their own).
 */
export type ResidentScope = { kind: 'range'; start: string; end: string } | { kind: 'ids'; ids: readonly string[] };

/** The condition selecting a scope's rows by `column` (a resident id column), with its parameters in order. */
export function scopeCondition(column: string, scope: ResidentScope): { sql: string; params: Buffer[] } {
  if (scope.kind === 'range')
    return { sql: `${column} >= ? AND ${column} < ?`, params: [uuidToBuffer(scope.start), uuidToBuffer(scope.end)] };
  if (scope.ids.length === 0) return { sql: 'FALSE', params: [] };
  return { sql: `${column} IN (${scope.ids.map(() => '?').join(',')})`, params: scope.ids.map(uuidToBuffer) };
}
