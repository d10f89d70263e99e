import type { ValueTransformer } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** Resident and record ids are time-ordered UUIDv7 stored as BINARY(16): no AUTO_INCREMENT hot spot. */
export function newId(): string {
  return uuidv7();
}

export function uuidToBuffer(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

export function bufferToUuid(buf: Buffer): string {
  const h = buf.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_BINARY: ValueTransformer = {
  to: (value: string | null | undefined) => (value == null ? value : uuidToBuffer(value)),
  from: (value: Buffer | null) => (value == null ? value : bufferToUuid(value)),
};

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
