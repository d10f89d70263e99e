import qrcode from 'qrcode-generator';

/**
 * The QR modules of an ASCII payload (a card token is base64url and dots), error correction M, the smallest version
 * that fits: `true` is dark. Rows first.
 */
export function qrMatrix(payload: string): boolean[][] {
  if (!/^[\x20-\x7e]*$/.test(payload)) throw new RangeError('QR payload must be printable ASCII');
  const qr = qrcode(0, 'M');
  qr.addData(payload, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}
