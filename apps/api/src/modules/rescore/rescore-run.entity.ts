import type { HistoryCause } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

/** What a run re-scores: everyone (rules published, a risk level changed), an import's matches, or a what-if preview. */
export type RescoreRunKind = 'publish' | 'risk' | 'import' | 'preview';

/**
 * The outbox: one row per change that must re-score residents, written in the same transaction as the change.
 * The worker's dispatcher cuts it into id ranges (`rescore_ranges`) and enqueues one Bull job per range; the
 * ranges table, not Redis, is the record of what is done, so a lost queue is rebuilt from here.
 */
@Entity('rescore_runs')
@Index('ix_rescore_runs_open', ['finishedAt', 'availableAt'])
export class RescoreRunEntity {
  @PrimaryUuidColumn()
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: RescoreRunKind;

  /** The history cause and its reference (`rules:3`, `import:12`); null for previews, which write no history. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  cause!: HistoryCause | null;

  @Column({ name: 'cause_ref', type: 'varchar', length: 64, nullable: true })
  causeRef!: string | null;

  /** For imports: only residents matched by this import's facts are re-scored. */
  @UuidColumn({ name: 'import_id', nullable: true })
  importId!: string | null;

  /** For previews: the candidate rule set and risk levels, evaluated without writing codes. */
  @Column({ type: 'json', nullable: true })
  payload!: unknown;

  /** Not dispatched before this instant (a rule set or risk level that takes effect in the future). */
  @Column({ name: 'available_at', type: 'datetime', precision: 3 })
  availableAt!: Date;

  @UuidColumn({ name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** Set once the ranges exist (in the same transaction that writes them). */
  @Column({ name: 'ranged_at', type: 'datetime', precision: 3, nullable: true })
  rangedAt!: Date | null;

  @Column({ name: 'dispatched_at', type: 'datetime', precision: 3, nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;

  /** Residents covered by all ranges. */
  @Column({ type: 'int', default: 0 })
  total!: number;
}
