import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { TOTP_ROLES, type StaffRole } from '@healthcode/contracts';

import { newId } from '../../database/uuid-binary.transformer';
import { systemActor } from '../audit/audit-actor.util';
import type { AuditService } from '../audit/audit.service';
import type { PiiCryptoService } from '../crypto/pii-crypto.service';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from './demo-staff.constant';
import { hashPassword } from './staff-password.util';
import { newTotpSecret, totpEnrollment } from './staff-totp.util';
import type { StaffEntity } from './staff.entity';
import type { StaffRepository } from './staff.repository';

export interface DemoStaffAccount {
  username: string;
  role: StaffRole;
  regionScope: string;
  created: boolean;
  /** Read back (decrypted) for accounts that already existed, so the banner can show them every start. */
  totpSecret: string | null;
  otpauthUrl: string | null;
}

/**
 * Creates the demo accounts that do not exist yet (idempotent: existing user names are left alone) and
 * returns every demo account with its TOTP secret for the start-up banner. Demo mode only.
 */
export async function seedDemoStaff(deps: {
  staff: StaffRepository;
  crypto: PiiCryptoService;
  audit: AuditService;
  now: Date;
}): Promise<DemoStaffAccount[]> {
  const accounts: DemoStaffAccount[] = [];
  for (const demo of DEMO_STAFF) {
    const existing = await deps.staff.findByUsername(demo.username);
    let secret = existing?.totpSecretEnc ? deps.crypto.decrypt(existing.totpSecretEnc) : null;
    if (!existing) {
      secret = TOTP_ROLES.includes(demo.role) ? newTotpSecret() : null;
      const row: StaffEntity = {
        id: newId(),
        username: demo.username,
        displayName: demo.displayName,
        passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
        role: demo.role,
        regionScope: demo.regionScope,
        totpSecretEnc: secret ? deps.crypto.encrypt(secret) : null,
        totpPendingEnc: null,
        totpLastStep: null,
        disabled: false,
        failedLogins: 0,
        lockedUntil: null,
        sessionsValidAfter: null,
        lastLoginAt: null,
        createdBy: null,
        createdAt: deps.now,
      };
      await deps.staff.transaction(async (m) => {
        await deps.staff.insert(m, row);
        await deps.audit.record(
          {
            actor: systemActor('seed-demo'),
            action: 'staff.created',
            target: { type: 'staff', id: row.id },
            region: row.regionScope || null,
            details: {
              username: row.username,
              role: row.role,
              regionScope: row.regionScope,
              totpEnabled: secret !== null,
            },
          },
          m,
        );
      });
    }
    const enrollment = secret ? totpEnrollment(demo.username, secret) : null;
    accounts.push({
      username: demo.username,
      role: demo.role,
      regionScope: demo.regionScope,
      created: !existing,
      totpSecret: secret,
      otpauthUrl: enrollment?.otpauthUrl ?? null,
    });
  }
  return accounts;
}

/** The banner `npm start` prints: user names, the shared password, and TOTP secrets to type into an authenticator. */
export function demoStaffBanner(accounts: DemoStaffAccount[]): string {
  const lines = [`Staff console logins (password for all: ${DEMO_STAFF_PASSWORD}):`];
  for (const a of accounts) {
    const scope = a.regionScope ? `scope ${a.regionScope}` : 'whole country';
    lines.push(
      `  ${a.username.padEnd(20)} ${scope.padEnd(13)} ${a.totpSecret ? `TOTP secret ${a.totpSecret}` : 'no TOTP'}`,
    );
  }
  if (accounts.some((a) => a.otpauthUrl))
    lines.push('  Add each TOTP secret to an authenticator app (type: time-based, 6 digits, 30 s).');
  return lines.join('\n');
}

/** Next to the development keys (git-ignored `.healthcode/`), where `npm start` reads it for its banner. */
export function demoStaffBannerFile(devKeysFile = process.env.DEV_KEYS_FILE ?? '.healthcode/dev-keys.json'): string {
  return join(dirname(devKeysFile), 'demo-staff.txt');
}

export function writeDemoStaffBanner(accounts: DemoStaffAccount[], file = demoStaffBannerFile()): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${demoStaffBanner(accounts)}\n`, { mode: 0o600 });
}
