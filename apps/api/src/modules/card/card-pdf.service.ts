import { readFile } from 'node:fs/promises';

import { ApiErrorCode, type CardSize, cstDate } from '@healthcode/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import PDFDocument from 'pdfkit';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CARD_TEXT } from './card-instructions.constant';
import { cardLayout, qrPlacement } from './card-pdf-layout.util';
import { qrMatrix } from './qr-matrix.util';

export interface CardPdfInput {
  /** Already masked (`张**`): the full name never reaches the PDF. */
  readonly maskedName: string;
  readonly token: string;
  readonly expiresAt: Date;
  readonly issuer: string;
  readonly size: CardSize;
}

/** The embedded font's PostScript name inside Noto's collection (simplified Chinese). */
const CJK_FACE = 'NotoSansCJKsc-Regular';

/**
 * Renders a printed card: masked name, the card token's QR, validity and plain instructions in zh-CN and en, on A4 or
 * A6. No photo, no ID number. pdfkit embeds only the glyphs used (a subset of the CJK font), so a card is ~60 KB.
 */
@Injectable()
export class CardPdfService {
  private readonly logger = new Logger(CardPdfService.name);
  private font: Promise<Buffer> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async render(input: CardPdfInput): Promise<Buffer> {
    const font = await this.loadFont();
    const layout = cardLayout(input.size);
    const doc = new PDFDocument({
      size: input.size,
      margin: layout.margin,
      info: {
        Title: `${CARD_TEXT.title['zh-CN']} ${CARD_TEXT.title.en}`,
        Producer: 'healthcode',
        Creator: 'healthcode',
      },
    });
    const done = collect(doc);
    doc.registerFont('cjk', font, CJK_FACE);
    doc.font('cjk');
    const textWidth = layout.width - 2 * layout.margin;
    const date = cstDate(input.expiresAt);

    doc.fontSize(layout.title).text(`${CARD_TEXT.title['zh-CN']}  ${CARD_TEXT.title.en}`, { align: 'center' });
    doc.moveDown(0.3);
    doc
      .fontSize(layout.name)
      .text(`${CARD_TEXT.name['zh-CN']} / ${CARD_TEXT.name.en}: ${input.maskedName}`, { align: 'center' });

    const matrix = qrMatrix(input.token);
    const top = doc.y + layout.body;
    const place = qrPlacement(layout, matrix.length, top);
    matrix.forEach((row, r) =>
      row.forEach((dark, c) => {
        if (dark) doc.rect(place.x + c * place.module, place.y + r * place.module, place.module, place.module);
      }),
    );
    doc.fill('#000000');
    doc.y = top + layout.qr + layout.body / 2;

    doc
      .fontSize(layout.body + 1)
      .text(
        `${CARD_TEXT.validUntil['zh-CN'].replace('{date}', date)}  ·  ${CARD_TEXT.validUntil.en.replace('{date}', date)}`,
        layout.margin,
        doc.y,
        { width: textWidth, align: 'center' },
      );
    doc
      .fontSize(layout.body)
      .text(
        `${CARD_TEXT.issuer['zh-CN'].replace('{issuer}', input.issuer)}  ·  ${CARD_TEXT.issuer.en.replace('{issuer}', input.issuer)}`,
        { width: textWidth, align: 'center' },
      );
    doc.moveDown(0.8);
    for (const language of ['zh-CN', 'en'] as const) {
      CARD_TEXT.instructions[language].forEach((line, i) =>
        doc.text(`${i + 1}. ${line}`, { width: textWidth, paragraphGap: layout.body / 4 }),
      );
      doc.moveDown(0.5);
    }
    doc.end();
    return done;
  }

  /**
   * Read once per process; a missing font fails the first card, not the boot (most processes never print). It is
   * the operator's to fix (CARD_FONT_PATH, Debian's fonts-noto-cjk): the resident gets a 503 saying their card
   * still works, the log names the path (a server path, nothing personal), and the next request tries again.
   */
  private loadFont(): Promise<Buffer> {
    this.font ??= readFile(this.config.card.fontPath).catch((error: unknown) => {
      this.font = null;
      this.logger.error(
        { fontPath: this.config.card.fontPath, err: (error as Error).message },
        'printed cards cannot be made: the card font cannot be read (CARD_FONT_PATH)',
      );
      throw new DomainException(
        ApiErrorCode.ServiceUnavailable,
        'Printed cards cannot be made on this server right now. A card you already have still works; try again later',
      );
    });
    return this.font;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
