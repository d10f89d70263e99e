import { applyDecorators, Header } from '@nestjs/common';

/**
 * Evidence files come from residents: a PDF may carry JavaScript, an "image" may be HTML. They are served
 * only as downloads (`Content-Disposition: attachment`, set by `evidenceStream`), never sniffed into another
 * type, and under a CSP that sandboxes the document (no script, no same-origin access) should a browser
 * render it anyway, so nothing a resident uploads ever runs from our origin.
 */
export const EvidenceDownload = () =>
  applyDecorators(
    Header('X-Content-Type-Options', 'nosniff'),
    Header('Content-Security-Policy', "sandbox; default-src 'none'; frame-ancestors 'none'"),
    Header('Cache-Control', 'no-store'),
  );
