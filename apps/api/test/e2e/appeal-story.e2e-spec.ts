import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { addDays, cstDate } from '@healthcode/contracts';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { WorkerModule } from '../../src/bootstrap/worker-app';
import { CodeService } from '../../src/modules/code/code.service';
import { deleteRedisPrefix } from '../utils/redis-cleanup';
import { importApproved } from '../utils/authority-imports';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

const NOW = '2026-11-20T02:00:00Z';
const TODAY = cstDate(new Date(NOW));
const AGENT_REASON = 'The registry case belongs to another person; your ID was mistyped by the hospital.';

/**
 * A minimal valid PDF (carrying JavaScript, as a hostile upload would), and a PNG header: the type is detected
 * from these bytes, never from the name.
 */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
  0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

async function waitUntil<T>(check: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('waitUntil timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('appeal story over HTTP: a wrong case match, corrected to green with two people, stays green', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let evidenceDir: string;

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'hc-e2e-evidence-'));
    ctx = await E2eContext.create({ now: NOW, env: { APPEAL_EVIDENCE_DIR: evidenceDir } });
    ({ t, http } = ctx);
  });
  afterAll(async () => {
    await ctx.close();
    await rm(evidenceDir, { recursive: true, force: true });
    await deleteRedisPrefix(t.config.redis.url, t.config.redis.queuePrefix);
  });

  /** The case file as the health authority sends it, staged through the real import API and applied by a second admin. */
  async function importCases(token: string, approver: string, idNumber: string) {
    return importApproved(
      t,
      token,
      approver,
      'cases',
      `id_number,date,status,cleared_date,region\n${idNumber},${addDays(TODAY, -3)},confirmed,,330106\n`,
    );
  }

  async function upload(
    path: string,
    token: string,
    fields: Record<string, string>,
    files: { bytes: Buffer; name: string; type?: string }[] = [],
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files)
      form.append('evidence', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/pdf' }), f.name);
    const res = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  const storedFiles = async () =>
    (await readdir(evidenceDir, { recursive: true })).filter((f) => /[0-9a-f]{64}$/.test(String(f)));

  it('runs the whole story', async () => {
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const outsider = await ctx.newStaff('hotline-agent', '4201');
    const importer = await ctx.newStaff('system-admin', '');
    const importApprover = await ctx.newStaff('system-admin', '');
    const resident = await ctx.newResident();
    const stranger = await ctx.newResident();

    // Red because of a case-registry match: the authority's case file is imported. (The import's re-scoring run
    // belongs to the worker; here the matched resident is re-scored directly, as that run would.)
    const imported = await importCases(importer.token, importApprover.token, resident.idNumber);
    expect(imported).toMatchObject({ status: 200, body: { rowsImported: 1, matched: 1 } });
    const rid = resident.residentId;
    await t.app.get(CodeService).rescoreOne(rid, 'authority-import', `import:${imported.body.seq}`);
    const red = await http.get('/api/v1/me/code', resident.token);
    expect(red.body.color).toBe('red');
    const reason = red.body.reasons.find((r: { fact: { kind: string } }) => r.fact.kind === 'case');
    const factId = reason.fact.ref as string;
    const fields = {
      ruleId: reason.ruleId,
      factKind: 'case',
      factRef: factId,
      category: 'wrong-case-match',
      statement: 'I have never been ill;\nthe hospital has another person with a similar ID.',
    };

    // Refused before anything is stored: oversized, mistyped, too many files.
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload('/api/v1/me/appeals', resident.token, fields, [{ bytes: big, name: 'big.pdf' }])).status).toBe(
      413,
    );
    const mistyped = await upload('/api/v1/me/appeals', resident.token, fields, [
      { bytes: Buffer.from('just text, named like a PDF'), name: 'fake.pdf' },
    ]);
    expect(mistyped).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const four = await upload(
      '/api/v1/me/appeals',
      resident.token,
      fields,
      [1, 2, 3, 4].map((i) => ({ bytes: PDF, name: `${i}.pdf` })),
    );
    expect(four).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    // Free text that would display differently from what is stored (issue #15): refused, naming the field.
    for (const statement of ['I was at home\u202Eemoh ta saw I', 'Not me\u0007\u0007', 'Not \u2066me\u2069']) {
      const spoofed = await upload('/api/v1/me/appeals', resident.token, { ...fields, statement }, []);
      expect(spoofed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(spoofed.body.errors.map((e: { path: string }) => e.path)).toEqual(['statement']);
    }
    expect(await storedFiles()).toEqual([]);
    expect((await http.get('/api/v1/me/appeals', resident.token)).body.items).toEqual([]);

    // Appeal with a PDF.
    const filed = await upload('/api/v1/me/appeals', resident.token, fields, [{ bytes: PDF, name: 'letter.pdf' }]);
    expect(filed.status).toBe(201);
    // The line break is kept (multipart form fields carry it as CRLF).
    expect(filed.body.statement.replace(/\r\n/g, '\n')).toBe(fields.statement);
    expect(filed.body).toMatchObject({
      status: 'assigned',
      category: 'wrong-case-match',
      reason: { ruleId: reason.ruleId },
    });
    const n = filed.body.number as number;
    const pdfSha = createHash('sha256').update(PDF).digest('hex');
    expect(filed.body.timeline[0].evidence).toEqual([
      { sha256: pdfSha, mediaType: 'application/pdf', size: PDF.length },
    ]);
    expect(await storedFiles()).toEqual([join(pdfSha.slice(0, 2), pdfSha)]);
    expect((await upload('/api/v1/me/appeals', resident.token, fields)).status).toBe(409);

    // Rights: another resident gets 404, an agent of another region 403.
    expect((await http.get(`/api/v1/me/appeals/${n}`, stranger.token)).status).toBe(404);
    expect((await http.post(`/api/v1/me/appeals/${n}/withdraw`, {}, stranger.token)).status).toBe(404);
    expect(await http.get(`/api/v1/appeals/${n}`, outsider.token)).toMatchObject({
      status: 403,
      body: { code: 'OUT_OF_SCOPE' },
    });

    // The agent reads the appeal (logged to the resident) and its evidence, and asks for information.
    const seen = await http.get(`/api/v1/appeals/${n}`, agent.token);
    expect(seen.body).toMatchObject({ number: n, assignedTo: agent.id, resident: { currentColor: 'red' } });
    expect(JSON.stringify(seen.body)).not.toContain(resident.idNumber);
    const file = await fetch(`${t.baseUrl}/api/v1/appeals/${n}/evidence/${pdfSha}`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    // Never rendered inline from our origin: a download, not sniffed, sandboxed should a browser render it.
    for (const download of [
      file,
      await fetch(`${t.baseUrl}/api/v1/me/appeals/${n}/evidence/${pdfSha}`, {
        headers: { authorization: `Bearer ${resident.token}` },
      }),
    ]) {
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="evidence-${pdfSha.slice(0, 12)}.pdf"`,
      );
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
      expect(download.headers.get('cache-control')).toBe('no-store');
    }
    const asked = await http.post(
      `/api/v1/appeals/${n}/request-info`,
      { message: 'Please send the hospital letter with its stamp.' },
      agent.token,
    );
    expect(asked).toMatchObject({ status: 200, body: { status: 'needs-info' } });
    const spoofedAnswer = await upload(`/api/v1/me/appeals/${n}/answer`, resident.token, { message: 'Here\u202E' }, []);
    expect(spoofedAnswer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const early = await http.post(
      `/api/v1/appeals/${n}/decision`,
      { outcome: 'rejected', reason: AGENT_REASON },
      agent.token,
    );
    expect(early).toMatchObject({ status: 409, body: { code: 'ILLEGAL_TRANSITION' } });
    expect(early.body.message).toContain('needs-info');

    // The resident answers with a stamped scan.
    const answered = await upload(
      `/api/v1/me/appeals/${n}/answer`,
      resident.token,
      { message: 'Here is the stamped letter.' },
      [{ bytes: PNG, name: 'stamp.png', type: 'image/png' }],
    );
    expect(answered).toMatchObject({ status: 200, body: { status: 'in-review' } });

    // The public numbers before the decision (read now, so they are cached when the decision is made).
    expect((await http.get('/api/v1/stats/appeals')).body.decided).toBe(0);

    // A decision without a reason is refused; the agent corrects to green, which waits for a supervisor.
    expect(
      (
        await http.post(
          `/api/v1/appeals/${n}/decision`,
          { outcome: 'corrected', override: { color: 'green', until: addDays(TODAY, 14) } },
          agent.token,
        )
      ).status,
    ).toBe(400);
    const decided = await http.post(
      `/api/v1/appeals/${n}/decision`,
      { outcome: 'corrected', reason: AGENT_REASON, override: { color: 'green', until: addDays(TODAY, 14) } },
      agent.token,
    );
    expect(decided).toMatchObject({
      status: 200,
      body: { status: 'decided', decision: { outcome: 'corrected', approval: 'pending', factCorrected: true } },
    });
    // Counted at once by the process that recorded it (the statistics are otherwise cached for a minute).
    expect((await http.get('/api/v1/stats/appeals')).body.decided).toBe(1);
    expect((await http.get('/api/v1/me/code', resident.token)).body.color).toBe('red');
    expect((await http.post(`/api/v1/appeals/${n}/approval`, { approve: true }, agent.token)).status).toBe(403);

    t.clock.set(new Date(new Date(NOW).getTime() + 3_600_000));
    const approved = await http.post(`/api/v1/appeals/${n}/approval`, { approve: true }, supervisor.token);
    expect(approved).toMatchObject({ status: 200, body: { decision: { approval: 'approved' } } });

    // Green, with the agent's words, in the code and in its history.
    const green = await http.get('/api/v1/me/code', resident.token);
    expect(green.body.color).toBe('green');
    expect(green.body.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'staff-override', fact: expect.objectContaining({ reason: AGENT_REASON }) }),
      ]),
    );
    expect(JSON.stringify(green.body.reasons)).not.toContain(factId);
    const history = await http.get('/api/v1/me/code/history', resident.token);
    expect(history.body.items[0]).toMatchObject({
      cause: 'appeal-decided',
      colorBefore: 'red',
      colorAfter: 'green',
      causeText: { en: `appeal #${n} decided` },
    });
    expect(JSON.stringify(history.body.items[0].reasonsAfter)).toContain(AGENT_REASON);
    const mine = await http.get(`/api/v1/me/appeals/${n}`, resident.token);
    expect(mine.body.decision).toMatchObject({ reason: AGENT_REASON, override: { color: 'green' } });
    expect(mine.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'assigned',
      'info-requested',
      'info-provided',
      'decided',
      'approved',
    ]);
    expect(mine.body.timeline.find((e: { type: string }) => e.type === 'decided').message).toBe(AGENT_REASON);
    const log = await http.get('/api/v1/me/access-log', resident.token);
    expect(log.body.items.map((e: { purpose: string }) => e.purpose)).toContain(`appeal #${n}`);

    // Re-importing the same case file leaves the resident green, even after the override ends.
    const again = await importCases(importer.token, importApprover.token, resident.idNumber);
    expect(again).toMatchObject({ status: 200, body: { rowsImported: 0, rowsDuplicate: 1 } });
    await t.app.get(CodeService).rescoreOne(rid, 'authority-import', 'import:2');
    expect((await http.get('/api/v1/me/code', resident.token)).body.color).toBe('green');
    t.clock.advanceDays(30);
    await t.app.get(CodeService).rescoreOne(rid, 'authority-import', 'import:3');
    expect((await http.get('/api/v1/me/code', resident.token)).body.color).toBe('green');

    // The public numbers.
    const stats = await http.get('/api/v1/stats/appeals');
    expect(stats).toMatchObject({
      status: 200,
      body: {
        decided: 1,
        decidedWithinDeadline: 1,
        overturnRateByRule: [{ ruleId: reason.ruleId, decided: 1, overturned: 1, rate: 1 }],
      },
    });
    expect(stats.body.medianHoursToDecision).toBeCloseTo(0, 1);

    // The worker delivers every step through the dev channel; the H5 app lists them, without personal data.
    const worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(t.config, { clock: t.clock, logDestination: new PassThrough() }),
      { logger: false },
    );
    await worker.init();
    try {
      const inbox = await waitUntil(async () => {
        const res = await http.get('/api/v1/me/notifications', resident.token);
        return res.body.items.length >= 6 ? res.body.items : null;
      });
      expect(inbox.map((m: { body: { en: string } }) => m.body.en)).toEqual(
        expect.arrayContaining([
          'We received your appeal',
          'Please add information to your appeal',
          'The decision was approved and applies now',
        ]),
      );
      expect(
        inbox.every(
          (m: { title: { en: string }; appealNumber: number }) => m.title.en === `Appeal #${n}` && m.appealNumber === n,
        ),
      ).toBe(true);
      expect(JSON.stringify(inbox)).not.toContain(resident.idNumber);
      expect((await http.get('/api/v1/me/notifications', stranger.token)).body.items).toEqual([]);
    } finally {
      await worker.close();
    }

    // Erasing the account takes the appeal, its evidence files, the override and the messages with it.
    const receipt = await http.delete('/api/v1/me', resident.token);
    expect(receipt.body.erased).toMatchObject({ appeals: 1 });
    expect(receipt.body.erased.notifications).toBeGreaterThanOrEqual(6);
    expect(await storedFiles()).toEqual([]);
    const left = await t.app
      .get(DataSource)
      .query(
        'SELECT (SELECT COUNT(*) FROM appeals) + (SELECT COUNT(*) FROM appeal_events) + (SELECT COUNT(*) FROM staff_overrides) + (SELECT COUNT(*) FROM dev_messages) AS n',
      );
    expect(Number(left[0].n)).toBe(0);
  });
});
