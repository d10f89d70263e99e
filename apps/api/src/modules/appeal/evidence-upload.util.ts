import {
  APPEAL_EVIDENCE_MAX_BYTES,
  APPEAL_EVIDENCE_MAX_FILES,
  APPEAL_EVIDENCE_TYPES,
  ApiErrorCode,
} from '@healthcode/contracts';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';

import { DomainException } from '../../common/domain.exception';

export interface EvidenceFile {
  bytes: Buffer;
  /** Detected from the content, never from the name or the declared type. */
  mediaType: string;
}

export interface AppealUpload {
  fields: Record<string, string>;
  files: EvidenceFile[];
}

const MULTIPART_ERRORS: Record<string, [ApiErrorCode, string]> = {
  FST_REQ_FILE_TOO_LARGE: [
    ApiErrorCode.PayloadTooLarge,
    `Each evidence file may be at most ${APPEAL_EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
  ],
  FST_FILES_LIMIT: [ApiErrorCode.ValidationFailed, `Attach at most ${APPEAL_EVIDENCE_MAX_FILES} evidence files`],
  FST_PARTS_LIMIT: [ApiErrorCode.ValidationFailed, 'Too many form parts'],
  FST_FIELDS_LIMIT: [ApiErrorCode.ValidationFailed, 'Too many form fields'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [ApiErrorCode.UnsupportedMediaType, 'Send multipart/form-data or JSON'],
};

/** Checks a file's real type from its first bytes: PDF, JPEG or PNG only. */
export async function detectEvidenceType(bytes: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(APPEAL_EVIDENCE_TYPES as readonly string[]).includes(detected.mime)) {
    throw new DomainException(
      ApiErrorCode.UnsupportedMediaType,
      'Evidence must be a PDF, JPEG or PNG file (checked from its content)',
    );
  }
  return detected.mime;
}

/**
 * Reads an appeal form: text fields plus up to three `evidence` files, each at most 5 MB and of an allowed
 * type. Everything is read and checked in memory first, so a refused request stores nothing.
 * A JSON body (no files) is accepted too.
 */
export async function readAppealUpload(request: FastifyRequest): Promise<AppealUpload> {
  const multipart = request as FastifyRequest & { isMultipart?: () => boolean };
  if (!multipart.isMultipart?.()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { fields: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v as string])), files: [] };
  }
  const fields: Record<string, string> = {};
  const raw: Buffer[] = [];
  try {
    const parts = request.parts({
      limits: {
        fileSize: APPEAL_EVIDENCE_MAX_BYTES,
        files: APPEAL_EVIDENCE_MAX_FILES + 1,
        fields: 20,
        fieldSize: 16 * 1024,
        parts: 30,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'evidence') {
        throw new DomainException(
          ApiErrorCode.ValidationFailed,
          `Unknown file field ${part.fieldname}: attach files as "evidence"`,
        );
      }
      if (raw.length >= APPEAL_EVIDENCE_MAX_FILES) {
        throw new DomainException(
          ApiErrorCode.ValidationFailed,
          `Attach at most ${APPEAL_EVIDENCE_MAX_FILES} evidence files`,
        );
      }
      raw.push(await part.toBuffer());
    }
  } catch (error) {
    if (error instanceof DomainException) throw error;
    const mapped = MULTIPART_ERRORS[(error as { code?: string }).code ?? ''];
    if (mapped) throw new DomainException(mapped[0], mapped[1]);
    // Everything in this loop only parses the client's bytes: busboy's codeless errors ("Unexpected end of
    // multipart data", a bad boundary) are malformed requests, not server faults (found by the fuzz test).
    throw new DomainException(ApiErrorCode.ValidationFailed, 'The upload is not valid multipart/form-data');
  }
  const files: EvidenceFile[] = [];
  for (const bytes of raw) files.push({ bytes, mediaType: await detectEvidenceType(bytes) });
  return { fields, files };
}
