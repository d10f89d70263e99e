import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';
import { AppliedAuthorityFactColumns } from '../authority-facts/authority-fact.columns';

/**
 * A fact taken out of authority_facts by an approved withdrawal, kept as it was (same id) so the history of what
 * the authority sent stays complete. Nothing reads it for scoring.
 */
@Entity('authority_withdrawn_facts')
@Index('ix_authority_withdrawn_facts_withdrawal', ['withdrawalId'])
@Index('ix_authority_withdrawn_facts_id_hmac', ['idHmac'])
export class AuthorityWithdrawnFactEntity extends AppliedAuthorityFactColumns {
  @PrimaryUuidColumn()
  id!: string;

  @UuidColumn({ name: 'withdrawal_id' })
  withdrawalId!: string;

  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3 })
  withdrawnAt!: Date;
}
