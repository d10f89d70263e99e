import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** An evidence file's metadata; the bytes live on disk, named by their sha256, outside the database. */
@Entity('appeal_evidence')
@Index('ix_appeal_evidence_appeal', ['appealId'])
export class AppealEvidenceEntity {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'appeal_id' })
  appealId!: string;

  /** The timeline step the file came with (filing or an answer). */
  @UuidColumn({ name: 'event_id' })
  eventId!: string;

  @Column({ type: 'binary', length: 32 })
  sha256!: Buffer;

  @Column({ name: 'media_type', type: 'varchar', length: 32 })
  mediaType!: string;

  @Column({ type: 'int', unsigned: true })
  size!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
