import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { DataSource } from 'typeorm';

import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { ResidentDataRegistry } from '../../src/modules/resident-data/resident-data.registry';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';
import { checkpointWithDevice, scanId, staffToken } from './checkpoint-fixtures';

const NOW = '2026-11-20T02:00:00Z';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n' +
    randomBytes(8).toString('hex'),
);

/** Columns through which a table can hold data about a resident: their id, their host key, or a keyed HMAC. */
const RESIDENT_COLUMN = /^(resident_id|host_key)$|_hmac$/;

describe('erasure: complete, through one registry, with a signed receipt (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;
  let evidenceDir: string;

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'hc-e2e-erasure-'));
    ctx = await E2eContext.create({ now: NOW, env: { APPEAL_EVIDENCE_DIR: evidenceDir } });
    ({ t, db, http } = ctx);
  });

  afterAll(async () => {
    await ctx?.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  it('every entity column that can identify a resident is held by a registered owner, and every holding exists', () => {
    const holdings = t.app.get(ResidentDataRegistry).holdings();
    const held = new Set(holdings.map((h) => `${h.table}.${h.column}`));
    const columns = new Set<string>();
    const unheld: string[] = [];
    for (const entity of db.entityMetadatas) {
      for (const column of entity.columns) {
        const name = `${entity.tableName}.${column.databaseName}`;
        columns.add(name);
        const identifies = RESIDENT_COLUMN.test(column.databaseName) || name === 'residents.id';
        if (identifies && !held.has(name)) unheld.push(name);
      }
    }
    expect(unheld).toEqual([]);
    // A holding naming a table or column that does not exist would hide a rename.
    expect([...held].filter((h) => !columns.has(h))).toEqual([]);
    // No two owners claim the same column.
    expect(holdings.length).toBe(held.size);
  });

  async function upload(token: string, fields: Record<string, string>) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('evidence', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'letter.pdf');
    const res = await fetch(`${t.baseUrl}/api/v1/me/appeals`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: (await res.json()) as { number: number } };
  }

  it('erases every record of the resident in every owner, keeps the authority’s facts unlinked, and signs the receipt', async () => {
    const admin = (await staffToken(t, 'region-admin', '3301')).token;
    const agent = await staffToken(t, 'hotline-agent', '3301');
    const supervisor = await staffToken(t, 'supervisor', '3301');
    const resident = await ctx.newResident();
    const residentId: string = JSON.parse(Buffer.from(resident.token.split('.')[1], 'base64url').toString()).sub;
    const rid = uuidToBuffer(residentId);

    // A record in every kind: declaration, check-in, a case from the authority, a code with history and a
    // token scanned at a checkpoint, an approved and read tracing request (access log), an appeal with evidence.
    await http.post(
      '/api/v1/me/declarations',
      { currentRegion: '330106', stays: [], symptoms: [], contact: null },
      resident.token,
    );
    await http.post('/api/v1/me/check-ins', { healthy: true, temperature: 36.6, symptoms: [] }, resident.token);
    const idHmac = ctx.idHmac(resident.idNumber);
    const factId = await ctx.newConfirmedCase(resident.idNumber, { daysAgo: 0, rescoreResidentId: residentId });
    const code = (await http.get('/api/v1/me/code', resident.token)).body;
    expect(code.color).toBe('red');
    const cid = JSON.parse(Buffer.from(code.token.split('.')[1], 'base64url').toString()).cid as string;
    const cp = await checkpointWithDevice(http, admin, { admits: ['green', 'yellow', 'red'] });
    const scan = await http.post(
      `/api/v1/checkpoints/${cp.checkpoint.id}/scans`,
      { token: code.token, clientScanId: scanId(), scannedAt: t.clock.now().toISOString() },
      undefined,
      cp.auth,
    );
    expect(scan.status).toBe(200);
    const tracing = await http.post(
      '/api/v1/tracing-requests',
      { residentId, caseReference: 'HZ-2026-0099', justification: 'Confirmed case: find places visited' },
      agent.token,
    );
    expect(tracing.status).toBe(201);
    await http.post(`/api/v1/tracing-requests/${tracing.body.id}/decision`, { approve: true }, supervisor.token);
    expect((await http.get(`/api/v1/tracing-requests/${tracing.body.id}/scans`, agent.token)).status).toBe(200);
    const reason = code.reasons.find((r: { fact: { kind: string } }) => r.fact.kind === 'case');
    const filed = await upload(resident.token, {
      ruleId: reason.ruleId,
      factKind: 'case',
      factRef: reason.fact.ref,
      category: 'wrong-case-match',
      statement: 'The hospital has another person with a similar ID number.',
    });
    expect(filed.status).toBe(201);
    const files = async () =>
      (await readdir(evidenceDir, { recursive: true })).filter((f) => /[0-9a-f]{64}$/.test(String(f)));
    expect(await files()).toHaveLength(1);

    const registry = t.app.get(ResidentDataRegistry);
    // Rows that must outlive the erasure to refuse what came before it (session epochs) are checked apart.
    const byResident = registry.holdings().filter((h) => h.column === 'resident_id' && h.action !== 'revoke');
    const count = async (table: string) =>
      Number((await db.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE resident_id = ?`, [rid]))[0].n);
    const scansOf = async () =>
      Number((await db.query('SELECT COUNT(*) AS n FROM checkpoint_scans WHERE code_id = ?', [cid]))[0].n);
    const before = Object.fromEntries(await Promise.all(byResident.map(async (h) => [h.table, await count(h.table)])));
    const seeded = [
      'declarations',
      'check_ins',
      'resident_codes',
      'code_history',
      'code_tokens',
      'access_log',
      'appeals',
      'contact_tracing_requests',
      'notification_outbox',
    ];
    expect(seeded.filter((table) => !(before[table] > 0))).toEqual([]);
    expect(await scansOf()).toBe(1);

    const res = await http.delete('/api/v1/me', resident.token);
    expect(res.status).toBe(200);
    const receipt = res.body;

    // Nothing of the resident is left in any table an owner holds, nor their scans or evidence file.
    const after = Object.fromEntries(await Promise.all(byResident.map(async (h) => [h.table, await count(h.table)])));
    expect(Object.entries(after).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await scansOf()).toBe(0);
    // The resident's session token is refused from now on.
    expect((await http.get('/api/v1/me/profile', resident.token)).status).toBe(401);
    expect(await files()).toEqual([]);
    const [profile] = await db.query(
      'SELECT id_hmac, phone_hmac, name_enc, id_enc, phone_enc, deleted_at FROM residents WHERE id = ?',
      [rid],
    );
    expect(profile).toMatchObject({ id_hmac: null, phone_hmac: null, name_enc: null, id_enc: null, phone_enc: null });
    expect(profile.deleted_at).not.toBeNull();
    // The authority's fact stays, keyed by the ID number's HMAC, and no account links to it any more.
    expect(await db.query('SELECT id FROM authority_facts WHERE id = ?', [uuidToBuffer(factId)])).toHaveLength(1);
    expect(await db.query('SELECT id FROM residents WHERE id_hmac = ?', [idHmac])).toEqual([]);

    // The receipt counts every owner's kind, is signed with the deployment's key (JWKS), and only its hash is kept.
    expect(Object.keys(receipt.erased).sort()).toEqual(
      registry
        .erasure()
        .map((o) => o.kind)
        .sort(),
    );
    expect(receipt.erased).toMatchObject({ declarations: 1, checkIns: 1, scans: 1, appeals: 1, profile: 1 });
    const jwks = createLocalJWKSet((await http.get('/.well-known/jwks.json')).body);
    const { payload } = await jwtVerify(receipt.signature, jwks, { algorithms: ['ES256'], typ: 'erasure-receipt+jwt' });
    expect(decodeProtectedHeader(receipt.signature).alg).toBe('ES256');
    expect(payload).toMatchObject({ jti: receipt.receiptId, erased: receipt.erased });
    expect(payload.iat).toBe(Math.floor(new Date(receipt.deletedAt).getTime() / 1000));
    expect(JSON.stringify(payload)).not.toContain(residentId);
    const digest = createHash('sha256').update(receipt.signature).digest();
    expect(receipt.digest).toBe(digest.toString('hex'));
    const [stored] = await db.query('SELECT erased_at FROM erasure_receipts WHERE digest = ?', [digest]);
    expect(new Date(stored.erased_at).toISOString()).toBe(receipt.deletedAt);
    // A tampered receipt does not verify.
    const [h, p, s] = receipt.signature.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, erased: { profile: 0 } })).toString('base64url');
    await expect(jwtVerify(`${h}.${forged}.${s}`, jwks)).rejects.toThrow();
    expect(p).not.toBe(forged);

    // Audited by receipt, never by resident.
    const audit = await db.query(
      "SELECT target_type, target_id, details FROM audit_log WHERE action = 'resident.erased' AND target_id = ?",
      [receipt.receiptId],
    );
    expect(audit).toEqual([
      { target_type: 'erasure-receipt', target_id: receipt.receiptId, details: { erased: receipt.erased } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(residentId);
  });
});
