import { APPEAL_EVIDENCE_MAX_BYTES } from '@healthcode/contracts';

import { evidenceProblem, formatFileSize, sniffEvidenceType } from './evidence-file.util';

const file = (head: number[], size = head.length) => ({ name: 'f', size, bytes: new Uint8Array(head).buffer });

describe('evidence files', () => {
  it('recognises PDF, JPEG and PNG from their first bytes only', () => {
    expect(sniffEvidenceType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]).buffer)).toBe('application/pdf');
    expect(sniffEvidenceType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]).buffer)).toBe('image/jpeg');
    expect(sniffEvidenceType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]).buffer)).toBe('image/png');
    expect(sniffEvidenceType(new Uint8Array([0x47, 0x49, 0x46, 0x38]).buffer)).toBeNull();
    expect(sniffEvidenceType(new ArrayBuffer(0))).toBeNull();
  });

  it('refuses a fourth file, a file over 5 MB and a file of another type', () => {
    const pdf = [0x25, 0x50, 0x44, 0x46];
    expect(evidenceProblem(file(pdf), 0)).toBeNull();
    expect(evidenceProblem(file(pdf), 3)).toBe('count');
    expect(evidenceProblem(file(pdf, APPEAL_EVIDENCE_MAX_BYTES + 1), 0)).toBe('size');
    expect(evidenceProblem(file(pdf, APPEAL_EVIDENCE_MAX_BYTES), 0)).toBeNull();
    expect(evidenceProblem(file([0x50, 0x4b, 3, 4]), 0)).toBe('type');
  });

  it('formats sizes for people', () => {
    expect(formatFileSize(900)).toBe('900 B');
    expect(formatFileSize(2048)).toBe('2 KB');
    expect(formatFileSize(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});
