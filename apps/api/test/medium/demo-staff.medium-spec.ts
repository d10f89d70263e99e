import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { STAFF_ROLES, TOTP_ROLES } from '@healthcode/contracts';

import { AuditService } from '../../src/modules/audit/audit.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { DEMO_STAFF_PASSWORD } from '../../src/modules/staff/demo-staff.constant';
import { seedDemoStaff, writeDemoStaffBanner } from '../../src/modules/staff/demo-staff.seeder';
import { verifyPassword } from '../../src/modules/staff/staff-password.util';
import { checkTotp, totpAt } from '../../src/modules/staff/staff-totp.util';
import { StaffEntity } from '../../src/modules/staff/staff.entity';
import { StaffRepository } from '../../src/modules/staff/staff.repository';
import { MediumContext } from '../utils/medium-context';

describe('demo staff seeding', () => {
  let ctx: MediumContext;
  // Each case on a database of its own (the first seeds an empty one): any order.
  beforeEach(async () => {
    ctx = await MediumContext.create();
  }, 120_000);
  afterEach(() => ctx?.close());

  const seed = () =>
    seedDemoStaff({
      staff: ctx.get(StaffRepository),
      crypto: ctx.get(PiiCryptoService),
      audit: ctx.get(AuditService),
      now: ctx.clock.now(),
    });

  it('creates one account per role named after it, with TOTP for the roles that need it, and is idempotent', async () => {
    const first = await seed();
    expect(first.map((a) => a.username)).toEqual([...STAFF_ROLES]);
    expect(first.every((a) => a.created)).toBe(true);
    expect(Object.fromEntries(first.map((a) => [a.role, a.regionScope]))).toEqual({
      'hotline-agent': '33',
      supervisor: '33',
      'region-admin': '33',
      auditor: '',
      'checkpoint-operator': '33',
      'system-admin': '',
    });
    for (const a of first) expect(a.totpSecret !== null).toBe(TOTP_ROLES.includes(a.role));

    const rows = await ctx.db.getRepository(StaffEntity).find();
    expect(rows).toHaveLength(STAFF_ROLES.length);
    for (const row of rows) expect(await verifyPassword(row.passwordHash, DEMO_STAFF_PASSWORD)).toBe(true);
    const admin = first.find((a) => a.role === 'system-admin')!;
    expect(
      await checkTotp(admin.totpSecret!, await totpAt(admin.totpSecret!, ctx.clock.now()), ctx.clock.now(), null),
    ).not.toBeNull();

    const again = await seed();
    expect(again.some((a) => a.created)).toBe(false);
    expect(again.map((a) => a.totpSecret)).toEqual(first.map((a) => a.totpSecret));
    expect(await ctx.db.getRepository(StaffEntity).count()).toBe(STAFF_ROLES.length);
    expect((await ctx.db.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'staff.created'"))[0].n).toBe(
      String(STAFF_ROLES.length),
    );
  });

  it('writes the start-up banner: user names, the shared password and each TOTP secret', async () => {
    const accounts = await seed();
    const file = join(mkdtempSync(join(tmpdir(), 'hc-banner-')), 'demo-staff.txt');
    writeDemoStaffBanner(accounts, file);
    const banner = readFileSync(file, 'utf8');
    expect(banner).toContain(DEMO_STAFF_PASSWORD);
    for (const a of accounts) {
      expect(banner).toContain(a.username);
      if (a.totpSecret) expect(banner).toContain(a.totpSecret);
    }
  });
});
