/**
 * Production has no seeded accounts: this creates the first two system-admins (run it twice, with two user
 * names). Two, because granting a privileged role takes a second system-admin's approval: with one, nobody could
 * approve. It refuses once two active system-admins exist (they create everyone else in the console). Prints the password (unless given in
 * STAFF_BOOTSTRAP_PASSWORD) and the TOTP secret once; neither is stored in clear.
 *
 *   npm run -w @healthcode/api staff:bootstrap-admin -- --username=admin
 *   npm run -w @healthcode/api staff:bootstrap-admin -- --username=admin2
 */
import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import { NestFactory } from '@nestjs/core';

import { loadConfig } from '../config/load-config';
import { CoreModule } from '../core.module';
import { newId } from '../database/uuid-binary.transformer';
import { systemActor } from '../modules/audit/audit-actor.util';
import { AuditService } from '../modules/audit/audit.service';
import { Clock } from '../modules/clock/clock';
import { PiiCryptoService } from '../modules/crypto/pii-crypto.service';
import { passwordProblem } from '../modules/staff/password-policy.util';
import { StaffUsernameSchema } from '../modules/staff/staff-account.dto';
import { hashPassword } from '../modules/staff/staff-password.util';
import { newTotpSecret, totpEnrollment } from '../modules/staff/staff-totp.util';
import type { StaffEntity } from '../modules/staff/staff.entity';
import { StaffRepository } from '../modules/staff/staff.repository';

/** The first admin and the second one who approves privileged roles with them. */
const BOOTSTRAP_ADMINS = 2;

async function main(): Promise<void> {
  const username = StaffUsernameSchema.parse(
    process.argv.find((a) => a.startsWith('--username='))?.slice(11) ?? 'admin',
  );
  const password = process.env.STAFF_BOOTSTRAP_PASSWORD ?? randomBytes(18).toString('base64url');
  const problem = passwordProblem(password, username);
  if (problem) throw new Error(`STAFF_BOOTSTRAP_PASSWORD: ${problem}`);
  const config = await loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const staff = app.get(StaffRepository);
    const active = await staff.countActiveWithRole('system-admin');
    if (active >= BOOTSTRAP_ADMINS) {
      console.log(
        `[healthcode] staff:bootstrap-admin: ${active} active system-admin account(s) exist; nothing created`,
      );
      return;
    }
    const secret = newTotpSecret();
    const row: StaffEntity = {
      id: newId(),
      username,
      displayName: 'System administrator',
      passwordHash: await hashPassword(password),
      role: 'system-admin',
      regionScope: '',
      totpSecretEnc: app.get(PiiCryptoService).encrypt(secret),
      totpPendingEnc: null,
      totpLastStep: null,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      sessionsValidAfter: null,
      lastLoginAt: null,
      createdBy: null,
      createdAt: app.get(Clock).now(),
    };
    await staff.transaction(async (m) => {
      await staff.insert(m, row);
      await app.get(AuditService).record(
        {
          actor: systemActor('staff-bootstrap'),
          action: 'staff.created',
          target: { type: 'staff', id: row.id },
          details: { username, role: row.role, regionScope: '', totpEnabled: true },
        },
        m,
      );
    });
    const { otpauthUrl } = totpEnrollment(username, secret);
    console.log(`[healthcode] staff:bootstrap-admin: created system-admin "${username}" (whole country).`);
    if (!process.env.STAFF_BOOTSTRAP_PASSWORD) console.log(`  password:    ${password}`);
    console.log(`  TOTP secret: ${secret}\n  otpauth URL: ${otpauthUrl}\n  Store these now: they are not shown again.`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[healthcode] staff:bootstrap-admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
