import type { LocalizedText } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

export type RuleSetStatus = 'draft' | 'preview' | 'published';

/** A versioned rule set. Once published it is never updated (enforced in the repository). */
@Entity('rule_sets')
@Index('uq_rule_sets_version', ['version'], { unique: true })
export class RuleSetEntity {
  @PrimaryUuidColumn()
  id!: string;

  /** Assigned on publish; drafts have none. */
  @Column({ type: 'int', nullable: true })
  version!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RuleSetStatus;

  /** The rule set as `@healthcode/rules` reads it (rules with parameters, regional overrides). */
  @Column({ type: 'json' })
  definition!: unknown;

  @Column({ type: 'json' })
  changelog!: LocalizedText;

  @UuidColumn({ name: 'author_staff_id', nullable: true })
  authorStaffId!: string | null;

  @Column({ name: 'effective_at', type: 'datetime', precision: 3, nullable: true })
  effectiveAt!: Date | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
