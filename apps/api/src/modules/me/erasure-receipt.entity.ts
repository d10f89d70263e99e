import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Proof that an erasure happened, without keeping anything about whom: only the sha256 of the signed receipt
 * the resident was given, and the time. A resident who shows their receipt can have it checked against this.
 */
@Entity('erasure_receipts')
export class ErasureReceiptEntity {
  @PrimaryColumn({ type: 'binary', length: 32 })
  digest!: Buffer;

  @Column({ name: 'erased_at', type: 'datetime', precision: 3 })
  erasedAt!: Date;
}
