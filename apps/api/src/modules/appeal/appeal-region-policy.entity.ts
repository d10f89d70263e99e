import type { LocalizedText } from '@healthcode/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per-region appeal deadlines and the two-person rule, keyed by GB/T 2260 prefix: the longest prefix of
 * the appeal's region wins; without one, the configured defaults apply.
 */
@Entity('appeal_region_policies')
export class AppealRegionPolicyEntity {
  @PrimaryColumn({ name: 'region_prefix', type: 'varchar', length: 6 })
  regionPrefix!: string;

  @Column({ name: 'first_response_seconds', type: 'int', unsigned: true })
  firstResponseSeconds!: number;

  @Column({ name: 'decision_seconds', type: 'int', unsigned: true })
  decisionSeconds!: number;

  /** Lowering a colour needs a supervisor's approval before it takes effect. */
  @Column({ name: 'lowering_needs_approval', type: 'boolean' })
  loweringNeedsApproval!: boolean;

  /** The categories residents can choose (a known key alone, or a custom key with its labels); null: every known one. */
  @Column({ type: 'json', nullable: true })
  categories!: { key: string; label?: LocalizedText }[] | null;
}
