import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The dev host's own record of which ID numbers each of its users owns (what WeChat or Alipay know from their
 * real-name certification). Only the dev verifier reads it; only keyed HMACs are stored.
 */
@Entity('dev_host_identities')
export class DevHostIdentityEntity {
  /** The same HMAC as `residents.host_key` for `dev:<user>`. */
  @PrimaryColumn({ name: 'host_key', type: 'binary', length: 32 })
  hostKey!: Buffer;

  /** The PII_HMAC key version of `host_key`. */
  @Column({ name: 'host_key_kid', type: 'tinyint', unsigned: true, default: 1 })
  hostKeyKid!: number;

  @PrimaryColumn({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
