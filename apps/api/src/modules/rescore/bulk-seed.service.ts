import { cstDate, maskIdNumber, maskName, maskPhone } from '@healthcode/contracts';
import { generateCodeId } from '@healthcode/qr-token';
import { compileRuleSet, DEFAULT_RULE_SET } from '@healthcode/rules';
import { BULK_RISK_LEVELS, bulkResidents } from '@healthcode/seed';
import { Injectable } from '@nestjs/common';

import { newId } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { CURRENT_CONSENT } from '../resident/consent.constant';
import { RulesRepository } from '../rules/rules.repository';
import { RulesService } from '../rules/rules.service';
import { CodeRowsRepository } from '../code/code-rows.repository';
import { diffCodes } from '../code/code-diff.util';
import { BulkSeedRepository, type SeedDeclarationRow, type SeedResidentRow } from './bulk-seed.repository';
import { ColorCountsRepository } from '../color-counts/color-counts.repository';
import { MAX_RESIDENT_ID } from './range-bounds.util';
import { RangeScorer } from './range-scorer.service';

const BATCH = 2000;

/**
 * Writes N generated residents (`bulkResidents` from libs/seed) with a declaration and a scored code each, in
 * batches of multi-row INSERTs, then recounts the colour counters. For benchmarks and large tests.
 */
@Injectable()
export class BulkSeedService {
  constructor(
    private readonly repo: BulkSeedRepository,
    private readonly crypto: PiiCryptoService,
    private readonly rulesRepo: RulesRepository,
    private readonly rules: RulesService,
    private readonly scorer: RangeScorer,
    private readonly codes: CodeRowsRepository,
    private readonly counts: ColorCountsRepository,
    private readonly clock: Clock,
  ) {}

  async seed(
    count: number,
    options: { seed?: number; offset?: number; onProgress?: (done: number) => void } = {},
  ): Promise<void> {
    const now = this.clock.now();
    await this.ensureRules(now);
    this.rules.invalidate();
    const effective = await this.rules.effective();
    const compiled = compileRuleSet(effective.ruleSet, effective.riskLevels);
    let residents: SeedResidentRow[] = [];
    let declarations: SeedDeclarationRow[] = [];
    let done = 0;
    const flush = async () => {
      if (residents.length === 0) return;
      await this.repo.transaction(async (m) => {
        await this.repo.insertResidents(m, residents, now);
        await this.repo.insertDeclarations(m, declarations, now);
        const range = { rangeStart: residents[0].id, rangeEnd: MAX_RESIDENT_ID, importId: null };
        const { scored, prev } = await this.scorer.score(m, range, compiled, effective.riskLevels, now, false);
        const diff = diffCodes(prev, scored, { now, ruleSetVersion: effective.version, newCodeId: generateCodeId });
        await this.codes.upsertCodes(m, diff.codes);
      });
      done += residents.length;
      options.onProgress?.(done);
      residents = [];
      declarations = [];
    };
    for (const r of bulkResidents(now, count, options.seed ?? 2020, options.offset ?? 0)) {
      const id = newId();
      residents.push({
        id,
        hostKey: this.crypto.hmac('host', `dev:${r.hostUser}`),
        consentVersion: CURRENT_CONSENT.version,
        piiKeyId: this.crypto.currentKeyId,
        nameEnc: this.crypto.encrypt(r.name),
        nameMasked: maskName(r.name),
        idHmac: this.crypto.hmac('id', `resident-id:${r.idNumber}`),
        idEnc: this.crypto.encrypt(r.idNumber),
        idMasked: maskIdNumber(r.idNumber),
        phoneHmac: this.crypto.hmac('phone', r.phone),
        hmacKid: this.crypto.hmacKeyId,
        phoneEnc: this.crypto.encrypt(r.phone),
        phoneMasked: maskPhone(r.phone),
        homeRegion: r.homeRegion,
        currentRegion: r.currentRegion,
      });
      declarations.push({
        id: newId(),
        residentId: id,
        currentRegion: r.currentRegion,
        stays: r.stays,
        symptoms: r.symptoms,
      });
      if (residents.length >= BATCH) await flush();
    }
    await flush();
    await this.counts.recount(cstDate(now));
  }

  /** The default rules as v1 and the bulk data set's risk levels, when the database has none yet. */
  private async ensureRules(now: Date): Promise<void> {
    if (!(await this.repo.hasPublishedRules())) {
      await this.rulesRepo.insertPublished({
        version: DEFAULT_RULE_SET.version,
        definition: DEFAULT_RULE_SET,
        changelog: { 'zh-CN': '首个版本（批量数据）。', en: 'First version (bulk data set).' },
        authorStaffId: null,
        effectiveAt: new Date(now.getTime() - 86_400_000),
        publishedAt: now,
        createdAt: now,
      });
    }
    if ((await this.repo.countRiskLevels()) === 0) {
      for (const l of BULK_RISK_LEVELS) {
        await this.rulesRepo.insertRiskLevel({
          region: l.region,
          level: l.level,
          effectiveFrom: new Date(now.getTime() - 30 * 86_400_000),
          effectiveTo: null,
          setBy: null,
          createdAt: now,
        });
      }
    }
  }
}
