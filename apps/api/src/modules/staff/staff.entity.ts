import type { StaffRole } from '@healthcode/contracts';
import { Column, Entity, Index } from 'typeorm';

import { PrimaryUuidColumn, UuidColumn } from '../../database/id-column.decorator';

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

  /**
   * A secret generated at the staff member's own enrollment (after a reset or for a new account), encrypted; it
   * becomes `totpSecretEnc` when the first code from it is accepted at login.
   */
  @Column({ name: 'totp_pending_enc', type: 'varchar', length: 512, nullable: true })
  totpPendingEnc!: string | null;

  /** The last TOTP time step accepted: a code is never accepted twice (replay). */
  @Column({ name: 'totp_last_step', type: 'int', nullable: true })
  totpLastStep!: number | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Bearer tokens issued at or before this instant are refused (set on disable, password or TOTP reset). */
  @Column({ name: 'sessions_valid_after', type: 'datetime', precision: 3, nullable: true })
  sessionsValidAfter!: Date | null;

  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true })
  lastLoginAt!: Date | null;

  /** The system-admin who created the account; null for seeded and bootstrap accounts. */
  @UuidColumn({ name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
