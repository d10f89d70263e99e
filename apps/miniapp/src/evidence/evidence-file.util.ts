import { APPEAL_EVIDENCE_MAX_BYTES, APPEAL_EVIDENCE_MAX_FILES } from '@healthcode/contracts';

/** A file the resident picked, read into memory, before it is uploaded. */
export interface EvidenceFile {
  name: string;
  size: number;
  bytes: ArrayBuffer;
}

export type EvidenceMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';
export type EvidenceProblem = 'type' | 'size' | 'count';

/** The type from the first bytes, as the server checks it: names and declared types are not trusted. */
export function sniffEvidenceType(bytes: ArrayBuffer): EvidenceMediaType | null {
  const b = new Uint8Array(bytes.slice(0, 8));
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'application/pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  return null;
}

/** Why a file cannot be attached next to those already attached, or null when it can. */
export function evidenceProblem(file: EvidenceFile, alreadyAttached: number): EvidenceProblem | null {
  if (alreadyAttached >= APPEAL_EVIDENCE_MAX_FILES) return 'count';
  if (file.size > APPEAL_EVIDENCE_MAX_BYTES) return 'size';
  if (!sniffEvidenceType(file.bytes)) return 'type';
  return null;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
