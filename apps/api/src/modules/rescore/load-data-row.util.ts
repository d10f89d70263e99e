/** A value of one `LOAD DATA` field: text, a number, bytes (written as hex, loaded through `UNHEX`) or NULL. */
export type LoadDataValue = string | number | Buffer | null;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/**
 * One field in MariaDB's default `LOAD DATA` format (tab-separated, backslash-escaped, `\N` for NULL). Bytes are
 * written as hex: the statement loads them through a user variable and `UNHEX`.
 */
export function loadDataField(v: LoadDataValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (Buffer.isBuffer(v)) return v.toString('hex');
  return /[\\\t\n\r\0]/.test(v) ? v.replace(/[\\\t\n\r\0]/g, (c) => ESCAPES[c]) : v;
}

/** One line of a `LOAD DATA` file. */
export function loadDataRow(fields: readonly LoadDataValue[]): string {
  return `${fields.map(loadDataField).join('\t')}\n`;
}
