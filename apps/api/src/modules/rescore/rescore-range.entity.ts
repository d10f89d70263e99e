import { Column, Entity, PrimaryColumn } from 'typeorm';

import { UUID_BINARY } from '../../database/uuid-binary.transformer';

/**
 * One slice of a run: residents with `rangeStart <= id < rangeEnd`. `doneAt` is set in the same transaction that
 * writes the slice's codes, so a slice is applied exactly once however often its job runs.
 */
@Entity('rescore_ranges')
export class RescoreRangeEntity {
  @PrimaryColumn({ name: 'run_id', type: 'binary', length: 16, transformer: UUID_BINARY })
  runId!: string;

  @PrimaryColumn({ name: 'range_start', type: 'binary', length: 16, transformer: UUID_BINARY })
  rangeStart!: string;

  @Column({ name: 'range_end', type: 'binary', length: 16, transformer: UUID_BINARY })
  rangeEnd!: string;

  @Column({ type: 'int' })
  residents!: number;

  @Column({ name: 'done_at', type: 'datetime', precision: 3, nullable: true })
  doneAt!: Date | null;

  /** Residents whose stored code changed (or, for a preview, would change). */
  @Column({ type: 'int', default: 0 })
  changed!: number;

  /** A preview slice's tallies (transitions, regions, samples). */
  @Column({ type: 'json', nullable: true })
  result!: unknown;
}
