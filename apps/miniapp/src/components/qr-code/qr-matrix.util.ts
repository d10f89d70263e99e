import qrcode from 'qrcode-generator';

/** A horizontal stretch of same-coloured modules in one QR row. */
export interface QrRun {
  dark: boolean;
  length: number;
}

export interface QrRows {
  /** Modules per side, quiet zone excluded. */
  size: number;
  rows: QrRun[][];
}

/** The quiet zone the QR standard asks for on every side, in modules. */
export const QR_QUIET_ZONE = 4;

/**
 * The QR matrix of an ASCII payload (the code token is a compact JWS), as rows of runs: one `View`
 * per run instead of one per module keeps a 60x60 code at a few hundred nodes, which mini-programs
 * can render without lag. qrcode-generator's ES build has no UTF-8 encoder, so non-ASCII is refused.
 */
export function buildQrRows(payload: string): QrRows {
  if (!/^[\x20-\x7e]+$/.test(payload)) throw new Error('QR payload must be non-empty printable ASCII');
  const qr = qrcode(0, 'M');
  qr.addData(payload, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const rows: QrRun[][] = [];
  for (let r = 0; r < size; r++) {
    const runs: QrRun[] = [];
    for (let c = 0; c < size; c++) {
      const dark = qr.isDark(r, c);
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
    }
    rows.push(runs);
  }
  return { size, rows };
}

/** A dark run and the light gap before it, in modules: rows only draw their dark runs. */
export interface QrInkSegment {
  gap: number;
  length: number;
}

/** Light runs become left margins, which halves the node count again. */
export function inkSegments(runs: readonly QrRun[]): QrInkSegment[] {
  const segments: QrInkSegment[] = [];
  let gap = 0;
  for (const run of runs) {
    if (run.dark) {
      segments.push({ gap, length: run.length });
      gap = 0;
    } else {
      gap += run.length;
    }
  }
  return segments;
}

/**
 * Whole pixels per module so that no run is blurred by sub-pixel edges: the largest that fits
 * `availablePx` with the quiet zone, at least 2 px (a scanner still reads that) and at most `maxCell`.
 */
export function qrCellSize(size: number, availablePx: number, maxCell = 8): number {
  const fit = Math.floor(availablePx / (size + 2 * QR_QUIET_ZONE));
  return Math.max(2, Math.min(maxCell, fit));
}
