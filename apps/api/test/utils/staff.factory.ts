import { type StaffRole, TOTP_ROLES } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { newId } from '../../src/database/uuid-binary.transformer';
import { SessionTokenService } from '../../src/modules/auth/session-token.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { hashPassword } from '../../src/modules/staff/staff-password.util';
import { newTotpSecret, totpAt } from '../../src/modules/staff/staff-totp.util';
import { StaffEntity } from '../../src/modules/staff/staff.entity';
import type { TestApp } from './test-app';

export const STAFF_TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;

export interface TestStaff {
  id: string;
  username: string;
  role: StaffRole;
  regionScope: string;
  password: string;
  totpSecret: string | null;
  /** A bearer token issued directly (no login round trip, no TOTP step to wait for). */
  token: string;
  /** The code the staff member's authenticator shows at the app's (fake) time. */
  totp(): Promise<string>;
}

/** Inserts a staff account straight into the test database, like the demo seed does. */
export async function newStaff(
  t: TestApp,
  role: StaffRole,
  regionScope = '33',
  over: Partial<StaffEntity> = {},
): Promise<TestStaff> {
  const crypto = t.app.get(PiiCryptoService);
  const totpSecret = TOTP_ROLES.includes(role) ? newTotpSecret() : null;
  const row: StaffEntity = {
    id: newId(),
    username: `${role}-${regionScope || 'cn'}-${++counter}-${Date.now().toString(36)}`,
    displayName: `Test ${role}`,
    passwordHash: await hashPassword(STAFF_TEST_PASSWORD),
    role,
    regionScope,
    totpSecretEnc: totpSecret ? crypto.encrypt(totpSecret) : null,
    totpPendingEnc: null,
    totpLastStep: null,
    disabled: false,
    failedLogins: 0,
    lockedUntil: null,
    sessionsValidAfter: null,
    lastLoginAt: null,
    createdBy: null,
    createdAt: t.clock.now(),
    ...over,
  };
  await t.app.get(DataSource).getRepository(StaffEntity).insert(row);
  const { accessToken } = await t.app
    .get(SessionTokenService)
    .issue({ kind: 'staff', staffId: row.id, role, regionScope });
  return {
    id: row.id,
    username: row.username,
    role,
    regionScope,
    password: STAFF_TEST_PASSWORD,
    totpSecret,
    token: accessToken,
    totp: () => totpAt(totpSecret ?? '', t.clock.now()),
  };
}
