import { createHash, randomBytes } from 'node:crypto';

import { addDays, cstDate, residentIdCheckDigit, type StaffRole } from '@healthcode/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { bufferToUuid, newId } from '../../src/database/uuid-binary.transformer';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { type ImportAnswer, importApproved } from './authority-imports';
import { httpClient } from './http-client';
import { startInProcessWorker } from './rescore-harness';
import { CONSENT_VERSION, newResident } from './resident.factory';
import { newStaff, type TestStaff } from './staff.factory';
import { createTestApp, type TestApp } from './test-app';
import { waitForAllJobs } from './wait-for-all-jobs';

export type E2eResident = Awaited<ReturnType<typeof newResident>> & { residentId: string };
/** A verified resident holding a red code for a confirmed case (`factId`) on file. */
export type E2eCaseResident = E2eResident & { factId: string };

/** A child added by a carer: no account of their own; the carer acts for them with `headers`. */
export interface E2eDependant {
  linkId: string;
  dependantId: string;
  idNumber: string;
  name: string;
  headers: { 'x-acting-for': string };
}

let minorSerial = 0;

/** A valid resident ID of a child born 2014-05-01 (Hangzhou Xihu district), distinct from validResidentId's. */
export function minorResidentId(serial = ++minorSerial): string {
  const first17 = `33010620140501${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

/**
 * The e2e tier's factories, in the immich style: one app per spec file (own database, own Redis prefix) and
 * `ctx.newResident()`, `ctx.newStaff()`, `ctx.newConfirmedCase()` instead of setup written out in each suite.
 * Residents sign up over HTTP as the mini-program does (and verify through the dev host unless told not to);
 * authority facts, which arrive by import in production, are inserted directly.
 */
export class E2eContext {
  private worker?: INestApplicationContext;

  private constructor(
    readonly t: TestApp,
    readonly http: ReturnType<typeof httpClient>,
  ) {}

  static async create(options: Parameters<typeof createTestApp>[0] = {}): Promise<E2eContext> {
    const t = await createTestApp(options);
    return new E2eContext(t, httpClient(t.baseUrl));
  }

  get db(): DataSource {
    return this.t.app.get(DataSource);
  }

  get<T>(token: new (...args: never[]) => T): T {
    return this.t.app.get(token);
  }

  /** HMAC of `<idType>:<number>`, as profiles and authority facts store it. */
  idHmac(idNumber: string, idType = 'resident-id'): Buffer {
    return this.get(PiiCryptoService).hmac('id', `${idType}:${idNumber}`);
  }

  /** Signs a resident up (HTTP, dev host) and, unless `verified: false`, verifies them; adds their resident id. */
  async newResident(profile: Record<string, unknown> = {}, options: { verified?: boolean } = {}): Promise<E2eResident> {
    const r = await newResident(this.http, profile, options);
    const [row] = await this.db.query('SELECT id FROM residents WHERE id_hmac = ?', [
      this.idHmac(r.idNumber, String(r.profile.idType)),
    ]);
    return { ...r, residentId: bufferToUuid(row.id) };
  }

  /**
   * A child added by `carer` with the guardian's declaration and, unless `verified: false`, verified as anyone
   * without a host is: a hotline agent files the document check and a different supervisor approves it.
   */
  async newDependant(
    carer: { token: string },
    options: { verified?: boolean; name?: string; idNumber?: string } = {},
  ): Promise<E2eDependant> {
    const idNumber = options.idNumber ?? minorResidentId();
    const name = options.name ?? '李小明';
    const res = await this.http.post(
      '/api/v1/me/dependants/minors',
      {
        consentVersion: CONSENT_VERSION,
        guardianDeclaration: true,
        name,
        idType: 'resident-id',
        idNumber,
        homeRegion: '330106',
      },
      carer.token,
    );
    if (res.status !== 201) throw new Error(`adding a dependant failed: ${JSON.stringify(res.body)}`);
    const { linkId, dependantId } = res.body as { linkId: string; dependantId: string };
    if (options.verified !== false) await this.verifyAtHotline(dependantId, idNumber);
    return { linkId, dependantId, idNumber, name, headers: { 'x-acting-for': dependantId } };
  }

  private hotlineStaff?: Promise<[TestStaff, TestStaff]>;

  /** Hotline-assisted verification of a resident: an agent files, a different supervisor approves. */
  async verifyAtHotline(residentId: string, idNumber: string): Promise<void> {
    this.hotlineStaff ??= Promise.all([this.newStaff('hotline-agent'), this.newStaff('supervisor')]);
    const [agent, supervisor] = await this.hotlineStaff;
    const filed = await this.http.post(
      '/api/v1/staff/identity-verifications',
      {
        residentId,
        idType: 'resident-id',
        idNumber,
        documentType: 'household-register',
        reason: 'Guardian showed the household register on video; the number matches.',
        callRef: 'HC-CARE-1',
      },
      agent.token,
    );
    if (filed.status !== 201) throw new Error(`filing failed: ${JSON.stringify(filed.body)}`);
    const approved = await this.http.post(
      `/api/v1/staff/identity-verifications/${filed.body.id}/decision`,
      { approve: true },
      supervisor.token,
    );
    if (approved.status !== 200) throw new Error(`approval failed: ${JSON.stringify(approved.body)}`);
  }

  /** A staff account with a session; `over` sets account columns (a lock, a disabled flag, ...). */
  newStaff(role: StaffRole, regionScope = '33', over: Parameters<typeof newStaff>[3] = {}): Promise<TestStaff> {
    return newStaff(this.t, role, regionScope, over);
  }

  /**
   * A confirmed case reported by the health authority for this number, `daysAgo` days before the app's today.
   * With `rescore`, the resident holding the number is re-scored as an import would do.
   */
  async newConfirmedCase(
    idNumber: string,
    options: { daysAgo?: number; rescoreResidentId?: string } = {},
  ): Promise<string> {
    const id = newId();
    await this.db.getRepository(AuthorityFactEntity).insert({
      id,
      kind: 'case',
      idHmac: this.idHmac(idNumber),
      data: {
        status: 'confirmed',
        date: addDays(cstDate(this.t.clock.now()), -(options.daysAgo ?? 2)),
        clearedDate: null,
      },
      rowHash: createHash('sha256').update(randomBytes(8)).digest(),
      importId: null,
      createdAt: this.t.clock.now(),
    });
    if (options.rescoreResidentId)
      await this.get(CodeService).rescoreOne(options.rescoreResidentId, 'authority-import', `import:${id}`);
    return id;
  }

  /** A verified resident (HTTP) with a confirmed case `daysAgo` days ago (default 2), re-scored: their code is red. */
  async newCaseResident(
    profile: Record<string, unknown> = {},
    options: { daysAgo?: number } = {},
  ): Promise<E2eCaseResident> {
    const r = await this.newResident(profile);
    const factId = await this.newConfirmedCase(r.idNumber, { ...options, rescoreResidentId: r.residentId });
    return { ...r, factId };
  }

  /**
   * The resident appeals their case over HTTP, as the mini-program does, against the reason the case gave their
   * code; throws unless it is accepted. Returns the appeal's id and number, and the answer's body.
   */
  async newAppeal(
    resident: Pick<E2eCaseResident, 'token' | 'factId'>,
    appeal: { category?: string; statement?: string } = {},
  ): Promise<{ appealId: string; number: number; body: Record<string, any> }> {
    const reason = (await this.http.get('/api/v1/me/code', resident.token)).body.reasons.find(
      (x: { fact: { kind: string } }) => x.fact.kind === 'case',
    );
    const filed = await this.http.post(
      '/api/v1/me/appeals',
      {
        ruleId: reason.ruleId,
        factKind: 'case',
        factRef: resident.factId,
        category: appeal.category ?? 'wrong-case-match',
        statement: appeal.statement ?? 'Not me.',
      },
      resident.token,
    );
    if (filed.status !== 201) throw new Error(`appeal fixture: ${filed.status} ${JSON.stringify(filed.body)}`);
    const [row] = await this.db.query('SELECT id FROM appeals WHERE number = ?', [filed.body.number]);
    return { appealId: bufferToUuid(row.id), number: filed.body.number as number, body: filed.body };
  }

  /** Starts the re-score worker in this process (closed by `close()`), for suites whose writes enqueue re-scoring. */
  async startWorker(): Promise<void> {
    this.worker = await startInProcessWorker(this.t.config);
  }

  /** Waits until the queues are empty and every re-score run has finished. */
  waitForJobs(): Promise<void> {
    return waitForAllJobs(this.t.config, this.db);
  }

  /** Stages an authority CSV as `uploader` and applies it as `approver` (both must be accepted). */
  importApproved(uploader: string, approver: string, kind: string, csv: string): Promise<ImportAnswer> {
    return importApproved(this.t, uploader, approver, kind, csv);
  }

  /** The resident's current colour, or the error code when they hold no code. */
  async color(token: string): Promise<string> {
    const res = await this.http.get('/api/v1/me/code', token);
    return res.status === 200 ? (res.body.color as string) : `${res.status} ${res.body.code}`;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.t.close();
  }
}
