import { bufferToUuid } from '../../database/uuid-binary.transformer';
import type { StoredCode } from './code-diff.util';

/** The columns of `resident_codes` a code write compares with (`StoredCode`); `revision` is added where it is locked. */
export const STORED_CODE_COLUMNS =
  'resident_id, color, reasons, green_at, green_when, steps, code_id, code_version, color_changed_at, region, stale_at';

/** A `resident_codes` row as the driver returns `STORED_CODE_COLUMNS` (JSON columns as text or already parsed). */
export interface StoredCodeRow {
  resident_id: Buffer;
  color: StoredCode['color'];
  reasons: unknown;
  green_at: string | null;
  green_when: unknown;
  steps: unknown;
  code_id: string;
  code_version: number;
  color_changed_at: Date;
  region: string;
  stale_at: Date | null;
  revision?: number;
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The stored code of a row, its JSON columns as text (what `diffCodes` compares); `revision` only when it was read. */
export function storedCodeOf(r: StoredCodeRow): StoredCode {
  return {
    residentId: bufferToUuid(r.resident_id),
    color: r.color,
    reasonsJson: text(r.reasons),
    greenAt: r.green_at,
    greenWhenJson: r.green_when == null ? null : text(r.green_when),
    stepsJson: text(r.steps),
    codeId: r.code_id,
    codeVersion: Number(r.code_version),
    colorChangedAt: r.color_changed_at,
    region: r.region,
    staleAt: r.stale_at,
    ...(r.revision === undefined ? {} : { revision: Number(r.revision) }),
  };
}
