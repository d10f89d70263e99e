import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A single row (id 1) holding the newest entry's sequence number and hash. Appends lock it with
 * `SELECT … FOR UPDATE` in the transaction of the change they record, so concurrent writers queue up and
 * the chain never forks. It also pins the end of the chain: deleting the newest entries is detected.
 */
@Entity('audit_chain_head')
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'tinyint' })
  id!: number;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  seq!: number;

  @Column({ type: 'binary', length: 32 })
  hash!: Buffer;
}
