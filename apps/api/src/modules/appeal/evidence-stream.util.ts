import type { Readable } from 'node:stream';

import { StreamableFile } from '@nestjs/common';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

/** An evidence file as an attachment named by its hash (never by the uploader's file name). */
export function evidenceStream(file: { stream: Readable; mediaType: string; size: number }, sha256: string) {
  const ext = EXTENSIONS[file.mediaType] ?? 'bin';
  return new StreamableFile(file.stream, {
    type: file.mediaType,
    length: file.size,
    disposition: `attachment; filename="evidence-${sha256.slice(0, 12)}.${ext}"`,
  });
}
