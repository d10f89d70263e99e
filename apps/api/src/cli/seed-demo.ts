/**
 * Seeds demo data into an empty database: the default rule set published as v1, real regions at each risk
 * level, and residents of every colour who signed up and declared through the same services the API uses.
 * Prints nothing personal; exits 0 without changes when residents already exist.
 */
import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { demoResidents, DEMO_RISK_LEVELS } from '@healthcode/seed';

import { sealIdentity, sealPhone } from '../modules/crypto/sealed-pii.util';
import { loadConfig } from '../config/load-config';
import { CoreModule } from '../core.module';
import { AuditService } from '../modules/audit/audit.service';
import { Clock } from '../modules/clock/clock';
import { CodeRepository } from '../modules/code/code.repository';
import { DevHostService } from '../modules/identity/dev-host.service';
import { IdentityVerificationService } from '../modules/verification/identity-verification.service';
import { IdentityModule } from '../modules/verification/identity.module';
import { PiiCryptoService } from '../modules/crypto/pii-crypto.service';
import { DeclarationRepository } from '../modules/declaration/declaration.repository';
import { ResidentRepository } from '../modules/resident/resident.repository';
import { RulesRepository } from '../modules/rules/rules.repository';
import { consentFor } from '../modules/resident/consent.constant';
import { seedDemoStaff, writeDemoStaffBanner } from '../modules/staff/demo-staff.seeder';
import { StaffRepository } from '../modules/staff/staff.repository';

async function main(): Promise<void> {
  const config = await loadConfig(process.env);
  @Module({ imports: [CoreModule.forRoot(config), IdentityModule] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const clock = app.get(Clock);
    // Demo staff (one per role), idempotent and before the residents check; production seeds no accounts.
    if (config.mode === 'demo') {
      const staff = await seedDemoStaff({
        staff: app.get(StaffRepository),
        crypto: app.get(PiiCryptoService),
        audit: app.get(AuditService),
        now: clock.now(),
      });
      writeDemoStaffBanner(staff);
      console.log(
        `[healthcode] seed: ${staff.length} demo staff accounts (${staff.filter((a) => a.created).length} new); logins are in the start-up banner`,
      );
    }
    const n = await app.get(ResidentRepository).count();
    if (n > 0) {
      console.log(`[healthcode] seed: database already has ${n} residents; nothing seeded`);
      return;
    }
    const rules = app.get(RulesRepository);
    const now = clock.now();
    await rules.insertPublished({
      version: DEFAULT_RULE_SET.version,
      definition: DEFAULT_RULE_SET,
      changelog: {
        'zh-CN': '首个版本：参照杭州市 2020 年 2 月公布的规则。',
        en: 'First version: modelled on the rules Hangzhou published in February 2020.',
      },
      authorStaffId: null,
      effectiveAt: new Date(now.getTime() - 86_400_000),
      publishedAt: now,
      createdAt: now,
    });
    for (const level of DEMO_RISK_LEVELS) {
      await rules.insertRiskLevel({
        region: level.region,
        level: level.level,
        effectiveFrom: new Date(now.getTime() - 30 * 86_400_000),
        effectiveTo: null,
        setBy: null,
        createdAt: now,
      });
    }
    const residents = app.get(ResidentRepository);
    const declarations = app.get(DeclarationRepository);
    const crypto = app.get(PiiCryptoService);
    const codes = app.get(CodeRepository);
    const devHost = app.get(DevHostService);
    const verification = app.get(IdentityVerificationService);
    const counts: Record<string, number> = {};
    for (const r of demoResidents(now)) {
      const resident = await residents.findOrCreateByHostKey(crypto.hmac('host', `dev:${r.hostUser}`), 'dev');
      await residents.updateProfile(resident.id, {
        consentVersion: consentFor(config.retention).version,
        consentAt: now,
        ...sealIdentity(crypto, crypto.currentKeyId, r),
        idType: 'resident-id',
        idHmac: crypto.hmac('id', `resident-id:${r.idNumber}`),
        phoneHmac: crypto.hmac('phone', r.phone),
        ...sealPhone(crypto, crypto.currentKeyId, r.phone),
        homeRegion: r.homeRegion,
      });
      await declarations.insertDeclaration({
        residentId: resident.id,
        currentRegion: r.currentRegion,
        stays: r.stays,
        symptoms: r.symptoms,
        contactDate: null,
        declaredAt: now,
      });
      await residents.setCurrentRegion(resident.id, r.currentRegion);
      // Verified the way a dev user verifies: the dev host certifies the number, then the dev verifier proves it.
      if (config.hostProviders.dev) {
        await devHost.certify({ user: r.hostUser, idType: 'resident-id', idNumber: r.idNumber });
        await verification.verify(resident.id, { method: 'dev' });
      }
      const row = await codes.find(resident.id);
      counts[row?.color ?? 'unverified'] = (counts[row?.color ?? 'unverified'] ?? 0) + 1;
    }
    console.log(
      `[healthcode] seed: rule set v${DEFAULT_RULE_SET.version} published, ${DEMO_RISK_LEVELS.length} regional risk levels, residents by colour ${JSON.stringify(counts)}`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[healthcode] seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
