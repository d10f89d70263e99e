import { Column, PrimaryColumn } from 'typeorm';

import { UUID_BINARY } from './uuid-binary.transformer';

export const PrimaryUuidColumn = () => PrimaryColumn({ type: 'binary', length: 16, transformer: UUID_BINARY });
export const UuidColumn = (options: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'binary', length: 16, transformer: UUID_BINARY, ...options });
