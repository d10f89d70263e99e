import { createHash, randomBytes } from 'node:crypto';

import { addDays, cstDate, residentIdCheckDigit, type StaffRole } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { bufferToUuid, newId } from '../../src/database/uuid-binary.transformer';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { httpClient } from './http-client';
import { CONSENT_VERSION, newResident } from './resident.factory';
import { newStaff, type TestStaff } from './staff.factory';
import { createTestApp, type TestApp } from './test-app';

export type E2eResident = Awaited<ReturnType<typeof newResident>> & { residentId: string };

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

  newStaff(role: StaffRole, regionScope = '33'): Promise<TestStaff> {
    return newStaff(this.t, role, regionScope);
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

  /** The resident's current colour, or the error code when they hold no code. */
  async color(token: string): Promise<string> {
    const res = await this.http.get('/api/v1/me/code', token);
    return res.status === 200 ? (res.body.color as string) : `${res.status} ${res.body.code}`;
  }

  close(): Promise<void> {
    return this.t.close();
  }
}
