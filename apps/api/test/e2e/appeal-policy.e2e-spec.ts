import { addDays, cstDate } from '@healthcode/contracts';
import { DataSource } from 'typeorm';

import { bufferToUuid, newId } from '../../src/database/uuid-binary.transformer';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { httpClient } from '../utils/http-client';
import { deleteRedisPrefix } from '../utils/redis-cleanup';
import { newResident } from '../utils/resident.factory';
import { newStaff } from '../utils/staff.factory';
import { createTestApp, type TestApp } from '../utils/test-app';

describe('per-region appeal deadlines, set by administrators (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-20T02:00:00Z' });
    http = httpClient(t.baseUrl);
  });
  afterAll(async () => {
    await t.close();
    await deleteRedisPrefix(t.config.redis.url, t.config.redis.queuePrefix);
  });

  it('sets a region prefix policy inside the admin scope and applies it to new appeals', async () => {
    const admin = await newStaff(t, 'region-admin', '3301');
    const far = await newStaff(t, 'region-admin', '4201');
    const supervisor = await newStaff(t, 'supervisor', '33');
    const policy = { firstResponseHours: 1, decisionHours: 2, loweringNeedsApproval: false };

    expect((await http.put('/api/v1/admin/appeal-policies/330106', policy, far.token)).body.code).toBe('OUT_OF_SCOPE');
    expect(
      (await http.put('/api/v1/admin/appeal-policies/330106', { ...policy, decisionHours: 0.5 }, admin.token)).status,
    ).toBe(400);
    expect((await http.put('/api/v1/admin/appeal-policies/33x', policy, admin.token)).status).toBe(400);
    expect(await http.put('/api/v1/admin/appeal-policies/330106', policy, admin.token)).toMatchObject({
      status: 200,
      body: { regionPrefix: '330106', ...policy },
    });
    const listed = await http.get('/api/v1/admin/appeal-policies', supervisor.token);
    expect(listed.body).toMatchObject({
      defaults: { firstResponseHours: 24, decisionHours: 72, loweringNeedsApproval: true },
      items: [{ regionPrefix: '330106', ...policy }],
    });
    expect((await http.get('/api/v1/admin/appeal-policies', far.token)).body.items).toEqual([]);

    // A resident of 330106 appeals: their deadlines follow the region's policy.
    const resident = await newResident(http);
    const idHmac = t.app.get(PiiCryptoService).hmac('id', `resident-id:${resident.idNumber}`);
    const factId = newId();
    await t.app
      .get(DataSource)
      .getRepository(AuthorityFactEntity)
      .insert({
        id: factId,
        kind: 'case',
        idHmac,
        data: { status: 'confirmed', date: addDays(cstDate(t.clock.now()), -2), clearedDate: null },
        rowHash: Buffer.alloc(32, 7),
        importId: null,
        createdAt: t.clock.now(),
      });
    const [row] = await t.app.get(DataSource).query('SELECT id FROM residents WHERE id_hmac = ?', [idHmac]);
    await t.app.get(CodeService).rescoreOne(bufferToUuid(row.id), 'authority-import', 'import:1');
    const reason = (await http.get('/api/v1/me/code', resident.token)).body.reasons.find(
      (r: { fact: { kind: string } }) => r.fact.kind === 'case',
    );
    const filed = await http.post(
      '/api/v1/me/appeals',
      { ruleId: reason.ruleId, factKind: 'case', factRef: factId, category: 'other', statement: 'Please check.' },
      resident.token,
    );
    expect(filed.status).toBe(201);
    const hours = (iso: string) => (new Date(iso).getTime() - new Date(filed.body.submittedAt).getTime()) / 3_600_000;
    expect(hours(filed.body.firstResponseDueAt)).toBe(1);
    expect(hours(filed.body.decisionDueAt)).toBe(2);
  });
});
