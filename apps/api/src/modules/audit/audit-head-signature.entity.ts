import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signature of the audit chain head at one moment, kept apart from the chain: an ES256 compact JWS over the
 * head's sequence number and hash, made with the deployment's key by a periodic maintenance job. Someone who
 * rewrites the log and recomputes every hash cannot make these signatures match without the private key.
 */
@Entity('audit_head_signatures')
export class AuditHeadSignatureEntity {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  seq!: number;

  @Column({ type: 'binary', length: 32 })
  hash!: Buffer;

  @Column({ name: 'signed_at', type: 'datetime', precision: 3 })
  signedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  kid!: string;

  @Column({ type: 'text' })
  jws!: string;
}
