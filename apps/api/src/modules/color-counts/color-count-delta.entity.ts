import type { Color } from '@healthcode/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The colour counters' outbox: every code write appends its changes here, in its own transaction, instead of
 * updating the shared `color_counts` rows (which serialised every sign-up of a region, country row included).
 * `ColorCountsRepository.fold` moves them into `color_counts` and `color_count_days` in the background; reads add
 * what is not folded yet, so the statistics are exact at every moment.
 */
@Entity('color_count_deltas')
export class ColorCountDeltaEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 6 })
  region!: string;

  /** The CST day of the change: a fold applies each day's changes before snapshotting that day. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'varchar', length: 8 })
  color!: Color;

  @Column({ type: 'int' })
  delta!: number;
}
