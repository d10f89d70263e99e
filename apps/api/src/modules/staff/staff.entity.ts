import type { StaffRole } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn } from '../../database/id-column.decorator';

@Entity('staff')
@Index('uq_staff_username', ['username'], { unique: true })
export class StaffEntity {
  @PrimaryUuidColumn()
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName!: string;

  /** argon2id encoded hash. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 24 })
  role!: StaffRole;

  /** GB/T 2260 prefix the staff member may act on; '' is the whole country. */
  @Column({ name: 'region_scope', type: 'varchar', length: 6 })
  regionScope!: string;

  /** TOTP secret, encrypted like personal data. */
  @Column({ name: 'totp_secret_enc', type: 'varchar', length: 512, nullable: true })
  totpSecretEnc!: string | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
