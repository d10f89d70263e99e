import type { CardSize } from '@healthcode/contracts';
import { StreamableFile } from '@nestjs/common';

/** The PDF as a download: a fixed file name (nothing personal in it), never cached by a proxy. */
export function cardPdfFile(pdf: Buffer, size: CardSize): StreamableFile {
  return new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="health-card-${size}.pdf"`,
    length: pdf.length,
  });
}
