/** A copy of apps/api/test/utils/card-pdf.util.ts (tools may not import apps). */
import jsQR from 'jsqr';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

/** What a test reads back from a card PDF: its pages' sizes (points) and the text the QR code on page 1 decodes to. */
export async function readCardPdf(
  bytes: Uint8Array,
): Promise<{ pages: { width: number; height: number }[]; qr: string | null }> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((p) => p.getSize());
  const contents = doc.getPages()[0].node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const ops = streams
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
    .join('\n');
  return { pages, qr: decodeQr(ops) };
}

/** Rebuilds the QR from the page's square `re` operators (pdfkit draws one per dark module) and decodes it. */
function decodeQr(ops: string): string | null {
  const rects = [...ops.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)]
    .map((m) => m.slice(1, 5).map(Number))
    .filter(([, , w, h]) => w > 0 && Math.abs(w - h) < 1e-3);
  if (rects.length === 0) return null;
  const size = rects[0][2];
  const minX = Math.min(...rects.map((r) => r[0]));
  const minY = Math.min(...rects.map((r) => r[1]));
  const cells = rects.map(([x, y]) => [Math.round((y - minY) / size), Math.round((x - minX) / size)]);
  const n = Math.max(...cells.flat()) + 1;
  const scale = 4;
  const side = (n + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [row, col] of cells)
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const i = (((row + 4) * scale + dy) * side + (col + 4) * scale + dx) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
  return jsQR(pixels, side, side)?.data ?? null;
}
