import { createHash, randomBytes } from 'node:crypto';

import { addDays, cstDate, type StaffRole } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { bufferToUuid, newId } from '../../src/database/uuid-binary.transformer';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { httpClient } from './http-client';
import { newResident } from './resident.factory';
import { newStaff, type TestStaff } from './staff.factory';
import { createTestApp, type TestApp } from './test-app';

export type E2eResident = Awaited<ReturnType<typeof newResident>> & { residentId: string };

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
