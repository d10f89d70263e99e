import type { CheckpointKind, Color } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** A place where codes are scanned. The place text describes the checkpoint; nobody's position is ever stored. */
@Entity('checkpoints')
@Index('ix_checkpoints_region', ['region'])
export class CheckpointEntity {
  @PrimaryUuidColumn()
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CheckpointKind;

  /** GB/T 2260 code of the checkpoint's region. */
  @Column({ type: 'varchar', length: 6 })
  region!: string;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  /** The admission policy: which colours pass. */
  @Column({ type: 'json' })
  admits!: Color[];

  /** Colours admitted from trusted peer issuers' codes; null: the same as `admits`. */
  @Column({ name: 'peer_admits', type: 'json', nullable: true })
  peerAdmits!: Color[] | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @UuidColumn({ name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
