export interface ScanWriterOptions {
  /** How long the first scan of a group waits for others before the group is committed (10–20 ms). */
  windowMs: number;
  /** A group is committed at once when it reaches this many scans (7 placeholders each: well under 65,535). */
  maxRows: number;
}

export const SCAN_WRITER_OPTIONS = Symbol('SCAN_WRITER_OPTIONS');
export const DEFAULT_SCAN_WRITER_OPTIONS: ScanWriterOptions = { windowMs: 15, maxRows: 1000 };
