import { createHash, randomBytes } from 'node:crypto';

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DataSource } from 'typeorm';

import { newId, uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { startTestS3, type TestS3 } from '../utils/s3-server';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

const NOW = '2026-11-20T02:00:00Z';

describe('appeal evidence in S3-compatible object storage, encrypted, purged with the appeal (e2e)', () => {
  let s3: TestS3;
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startTestS3();
    ctx = await E2eContext.create({ now: NOW, env: s3.env });
    ({ t, http } = ctx);
    client = new S3Client({
      region: s3.config.region,
      endpoint: s3.config.endpoint as string,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  afterAll(async () => {
    client?.destroy();
    await ctx?.close();
    await s3?.close();
  });

  const objects = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: s3.config.bucket }))).Contents ?? []).map((o) => o.Key);

  it('stores the upload encrypted in the bucket, serves the original bytes, and removes the object on erasure', async () => {
    const resident = await ctx.newResident();
    const residentId: string = JSON.parse(Buffer.from(resident.token.split('.')[1], 'base64url').toString()).sub;
    const db = t.app.get(DataSource);
    await db.query(
      'INSERT INTO authority_facts (id, kind, id_hmac, data, row_hash, import_id, created_at) VALUES (?,?,?,?,?,?,?)',
      [
        uuidToBuffer(newId()),
        'case',
        t.app.get(PiiCryptoService).hmac('id', `resident-id:${resident.idNumber}`),
        JSON.stringify({ status: 'confirmed', date: '2026-11-18', clearedDate: null }),
        randomBytes(32),
        null,
        new Date(),
      ],
    );
    await t.app.get(CodeService).rescoreOne(residentId, 'authority-import', 'import:evidence-test');
    const code = (await http.get('/api/v1/me/code', resident.token)).body;
    const reason = code.reasons.find((r: { fact: { kind: string } }) => r.fact.kind === 'case');
    const pdf = Buffer.from(`%PDF-1.4\n% hospital letter ${randomBytes(8).toString('hex')}\n%%EOF\n`);
    const sha = createHash('sha256').update(pdf).digest('hex');
    const form = new FormData();
    for (const [k, v] of Object.entries({
      ruleId: reason.ruleId,
      factKind: 'case',
      factRef: reason.fact.ref,
      category: 'wrong-case-match',
      statement: 'The hospital has another person with a similar ID number.',
    }))
      form.append(k, v);
    form.append('evidence', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'letter.pdf');
    const filed = await fetch(`${t.baseUrl}/api/v1/me/appeals`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${resident.token}` },
    });
    expect(filed.status).toBe(201);
    const number = ((await filed.json()) as { number: number }).number;

    // In the bucket under its hash, and not readable there: sealed with the PII key, no plain bytes.
    expect(await objects()).toEqual([`evidence/${sha.slice(0, 2)}/${sha}`]);
    const raw = await (
      await fetch(`${s3.config.endpoint}/${s3.config.bucket}/evidence/${sha.slice(0, 2)}/${sha}`)
    ).arrayBuffer();
    expect(Buffer.from(raw).subarray(0, 4).toString()).toBe('HCE1');
    expect(Buffer.from(raw).includes(pdf.subarray(0, 24))).toBe(false);

    // The resident downloads exactly what they uploaded.
    const download = await fetch(`${t.baseUrl}/api/v1/me/appeals/${number}/evidence/${sha}`, {
      headers: { authorization: `Bearer ${resident.token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    // Erasure takes the appeal and, after the commit, its object.
    expect((await http.delete('/api/v1/me', resident.token)).status).toBe(200);
    expect(await objects()).toEqual([]);
  });
});
