import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cstDate } from '@healthcode/contracts';
import { compileRuleSet, DEFAULT_RULE_SET } from '@healthcode/rules';
import { BULK_RISK_LEVELS, type BulkResident, bulkResidents } from '@healthcode/seed';
import { Injectable } from '@nestjs/common';

import { sealIdentity, sealPhone } from '../crypto/sealed-pii.util';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { CURRENT_CONSENT } from '../resident/consent.constant';
import { RulesRepository } from '../rules/rules.repository';
import { RulesService } from '../rules/rules.service';
import { CodeRowsRepository } from '../code/code-rows.repository';
import { diffCodes } from '../code/code-diff.util';
import { BulkSeedIndexesRepository, type SecondaryIndex } from './bulk-seed-indexes.repository';
import { BulkSeedRepository, type SeedResidentRow, type SeedWriteMode } from './bulk-seed.repository';
import { ColorCountsRepository } from '../color-counts/color-counts.repository';
import { BulkSeedIds } from './bulk-seed-ids';
import { scoreResident } from './score-resident.util';

/** Residents per transaction. Batches are aligned on multiples of it, so a restarted seed finds the same ones. */
export const SEED_BATCH = 5000;

type GeneratedRow = SeedResidentRow & Pick<BulkResident, 'stays' | 'symptoms'>;
type AuthorityOf = Parameters<typeof scoreResident>[0]['authority'];

export interface SeedOptions {
  seed?: number;
  /** Index of the first generated resident (several processes seed disjoint slices). */
  offset?: number;
  onProgress?: (done: number) => void;
  /** The tables were empty when the seed began (`deferIndexes`): no batch can exist already, none is looked up. */
  fresh?: boolean;
}

/**
 * Writes N generated residents (`bulkResidents` from libs/seed) with a declaration and a scored code each. Each
 * batch is one transaction (residents, identity events, declarations, codes and their colour-count deltas),
 * written with `LOAD DATA LOCAL` where the server allows it. (A recount at the end took about 70 s at 1M: it read every
 * code under a lock.) Codes are scored in memory from the rows just
 * generated, by the same `scoreResident` a range re-score uses, so a re-score right after changes nothing.
 * A batch whose first resident exists is skipped: re-running an interrupted seed completes it, a finished one is
 * left as it is.
 */
@Injectable()
export class BulkSeedService {
  constructor(
    private readonly repo: BulkSeedRepository,
    private readonly indexes: BulkSeedIndexesRepository,
    private readonly crypto: PiiCryptoService,
    private readonly rulesRepo: RulesRepository,
    private readonly rules: RulesService,
    private readonly codes: CodeRowsRepository,
    private readonly counts: ColorCountsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Call once before seeding slices in parallel: the rules and risk levels the data set is scored against, and the
   * indexes an interrupted seed left to build.
   */
  async prepare(): Promise<void> {
    await this.ensureRules(this.clock.now());
    const pending = await this.pendingFile();
    if (existsSync(pending)) {
      await this.indexes.createIndexes(JSON.parse(readFileSync(pending, 'utf8')) as SecondaryIndex[]);
      rmSync(pending, { force: true });
    }
  }

  /**
   * On a fresh database (every seeded table empty), drops their secondary indexes so each row is an append to its
   * primary key, and returns them for `restoreIndexes`, which builds each once, sorted. Row by row, the random
   * HMAC and code-id keys of a million residents missed a 128 MB buffer pool on nearly every insert (the seed
   * slowed from 3.3k to 2.2k residents/s by 450k, with every page of the pool dirty). They are written to a file
   * first, so a seed killed before the end builds them on its next start. Null when the tables hold rows: then
   * every index stays and batches already written are found and skipped.
   */
  async deferIndexes(): Promise<SecondaryIndex[] | null> {
    if (!(await this.indexes.seededTablesEmpty())) return null;
    const indexes = await this.indexes.secondaryIndexes();
    writeFileSync(await this.pendingFile(), JSON.stringify(indexes));
    await this.indexes.dropIndexes(indexes);
    return indexes;
  }

  async restoreIndexes(indexes: readonly SecondaryIndex[]): Promise<void> {
    await this.indexes.createIndexes(indexes);
    rmSync(await this.pendingFile(), { force: true });
  }

  private async pendingFile(): Promise<string> {
    return join(tmpdir(), `healthcode-seed-indexes-${await this.indexes.databaseKey()}.json`);
  }

  async seed(count: number, options: SeedOptions = {}): Promise<{ written: number; skipped: number }> {
    const now = this.clock.now();
    await this.ensureRules(now);
    this.rules.invalidate();
    const effective = await this.rules.effective();
    const compiled = compileRuleSet(effective.ruleSet, effective.riskLevels);
    const mode = await this.repo.writeMode();
    const ids = new BulkSeedIds(() => this.clock.now().getTime());
    const seed = options.seed ?? 2020;
    const first = options.offset ?? 0;
    let written = 0;
    let skipped = 0;
    let batch: BulkResident[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch.map((r) => this.residentRow(r, ids));
      batch = [];
      if (!options.fresh && (await this.repo.hasHostKey(rows[0].hostKey))) {
        skipped += rows.length;
      } else {
        await this.writeBatch(rows, ids, now, mode, compiled, effective);
        written += rows.length;
      }
      options.onProgress?.(written + skipped);
    };
    for (let i = first; i < first + count;) {
      // Up to the next multiple of SEED_BATCH, so batch boundaries do not depend on how the work was split.
      const end = Math.min(first + count, (Math.floor(i / SEED_BATCH) + 1) * SEED_BATCH);
      batch = [...bulkResidents(now, end - i, seed, i)];
      await flush();
      i = end;
    }
    return { written, skipped };
  }

  private async writeBatch(
    rows: GeneratedRow[],
    ids: BulkSeedIds,
    now: Date,
    mode: SeedWriteMode,
    compiled: ReturnType<typeof compileRuleSet>,
    effective: Awaited<ReturnType<RulesService['effective']>>,
  ): Promise<void> {
    await this.repo.transaction(async (m) => {
      const declarations = rows.map((r) => ({
        id: ids.next(),
        residentId: r.id,
        currentRegion: r.currentRegion,
        stays: r.stays,
        symptoms: r.symptoms,
      }));
      await this.repo.insertResidents(m, rows, now, mode, () => ids.next());
      await this.repo.insertDeclarations(m, declarations, now, mode);
      // Facts an import already stored for these ID numbers count, as they would in a re-score.
      const authority = new Map<string, AuthorityOf>();
      for (const f of await this.repo.authorityFacts(
        m,
        rows.map((r) => r.idHmac),
      )) {
        const key = f.idHmac.toString('hex');
        authority.set(key, [...(authority.get(key) ?? []), { id: f.id, kind: f.kind, data: f.data }]);
      }
      const scored = rows.map((r) =>
        scoreResident(
          {
            id: r.id,
            resident: r,
            declarations: [{ currentRegion: r.currentRegion, stays: r.stays, symptoms: r.symptoms, contactDate: null }],
            checkIns: [],
            authority: authority.get(r.idHmac.toString('hex')) ?? [],
            // A resident created just now has no staff override.
            overrides: [],
          },
          compiled,
          effective.riskLevels,
          now,
        ),
      );
      const diff = diffCodes(new Map(), scored, {
        now,
        ruleSetVersion: effective.version,
        newCodeId: BulkSeedIds.codeId,
      });
      await this.codes.upsertCodes(m, diff.codes);
      // The counters move with the codes, through the same outbox as every code write: exact without a recount.
      await this.counts.apply(m, diff.deltas.entries(), cstDate(now));
    });
  }

  private residentRow(r: BulkResident, ids: BulkSeedIds): GeneratedRow {
    return {
      id: ids.next(),
      hostKey: this.crypto.hmac('host', `dev:${r.hostUser}`),
      consentVersion: CURRENT_CONSENT.version,
      ...sealIdentity(this.crypto, this.crypto.currentKeyId, r),
      idHmac: this.crypto.hmac('id', `resident-id:${r.idNumber}`),
      phoneHmac: this.crypto.hmac('phone', r.phone),
      hmacKid: this.crypto.hmacKeyId,
      ...sealPhone(this.crypto, this.crypto.currentKeyId, r.phone),
      homeRegion: r.homeRegion,
      currentRegion: r.currentRegion,
      stays: r.stays,
      symptoms: r.symptoms,
    };
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
