import type {} from '@fastify/multipart';
import { ApiErrorCode } from '@healthcode/contracts';
import { parse } from 'csv-parse/sync';
import type { FastifyRequest } from 'fastify';

import { DomainException } from '../../common/domain.exception';

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** Reads the single `file` part of a multipart/form-data upload into memory, refusing anything larger than `maxBytes`. */
export async function readCsvUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const multipart = request as FastifyRequest & { isMultipart?: () => boolean };
  if (!multipart.isMultipart?.())
    throw new DomainException(
      ApiErrorCode.UnsupportedMediaType,
      'Upload the CSV as multipart/form-data in a field named "file"',
    );
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
    if (!part || part.fieldname !== 'file')
      throw new DomainException(ApiErrorCode.ValidationFailed, 'Upload the CSV in a field named "file"');
    const bytes = await part.toBuffer();
    return bytes;
  } catch (error) {
    if (error instanceof DomainException) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainException(ApiErrorCode.PayloadTooLarge, `The file may be at most ${maxBytes} bytes`);
    throw new DomainException(ApiErrorCode.ValidationFailed, 'The upload could not be read as multipart/form-data');
  }
}

/**
 * Parses CSV with a header row into trimmed string values keyed by the lower-cased header. Refuses the whole
 * file when a required column is missing or an unknown one is present (a wrong feed, not a bad row).
 */
export function parseCsv(bytes: Buffer, columns: readonly string[], required: readonly string[] = columns): CsvRow[] {
  let records: string[][];
  try {
    records = parse(bytes, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw new DomainException(
      ApiErrorCode.ValidationFailed,
      `The file is not valid CSV: ${(error as Error).message.split('\n')[0].slice(0, 120)}`,
    );
  }
  if (records.length === 0)
    throw new DomainException(ApiErrorCode.ValidationFailed, 'The file is empty: expected a header row');
  const header = records[0].map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !columns.includes(h));
  const missing = required.filter((c) => !header.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    throw new DomainException(
      ApiErrorCode.ValidationFailed,
      `Expected the columns ${columns.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}`,
    );
  }
  return records.slice(1).map((cells, i) => ({
    line: i + 2,
    values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])),
  }));
}
