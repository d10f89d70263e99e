import { Column, Entity, PrimaryColumn } from 'typeorm';

import { UuidColumn } from '../../database/id-column.decorator';

/**
 * One WeChat face check in progress: what `getVerifyId` was called with, so that `queryVerifyInfo` can be called
 * with the same values (WeChat requires them) and a verify id can be confirmed only by the resident it was made for.
 * Deleted once confirmed; the openid is kept encrypted.
 */
@Entity('wechat_verify_sessions')
export class WechatVerifySessionEntity {
  /** sha256 of WeChat's verify id. */
  @PrimaryColumn({ name: 'verify_id_hash', type: 'binary', length: 32 })
  verifyIdHash!: Buffer;

  @UuidColumn({ name: 'resident_id' })
  residentId!: string;

  @Column({ name: 'out_seq_no', type: 'varchar', length: 32 })
  outSeqNo!: string;

  @Column({ name: 'openid_enc', type: 'varchar', length: 512 })
  openidEnc!: string;

  /** The profile number the face check was started for. */
  @Column({ name: 'id_hmac', type: 'binary', length: 32 })
  idHmac!: Buffer;

  /** The PII_HMAC key version of `id_hmac`. */
  @Column({ name: 'id_hmac_kid', type: 'tinyint', unsigned: true, default: 1 })
  idHmacKid!: number;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
