import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { staffActor, systemActor } from '../../src/modules/audit/audit-actor.util';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { AuditHeadSignerService } from '../../src/modules/audit/audit-head-signer.service';
import { entryHash } from '../../src/modules/audit/audit-hash.util';
import { AuditException } from '../../src/modules/audit/audit.exception';
import { AuditService } from '../../src/modules/audit/audit.service';
import { type TestStaff } from '../utils/staff.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

describe('audit log: a tamper-evident hash chain (e2e)', () => {
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;
  let audit: AuditService;
  let auditor: TestStaff;

  const verify = async () => (await http.get('/api/v1/audit/verify', auditor.token)).body;
  /** Runs `sql` (or a function) against the chain, checks what verification says, then puts the rows back. */
  const tampered = async (sql: string | (() => Promise<void>), params: unknown[] = []) => {
    await db.query('CREATE TABLE audit_log_backup AS SELECT * FROM audit_log');
    await db.query('CREATE TABLE audit_head_backup AS SELECT * FROM audit_chain_head');
    await (typeof sql === 'string' ? db.query(sql, params) : sql());
    try {
      return await verify();
    } finally {
      await db.query('DELETE FROM audit_log');
      await db.query('INSERT INTO audit_log SELECT * FROM audit_log_backup');
      await db.query(
        'UPDATE audit_chain_head h JOIN audit_head_backup b ON b.id = h.id SET h.seq = b.seq, h.hash = b.hash',
      );
      await db.query('DROP TABLE audit_log_backup, audit_head_backup');
    }
  };

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t, db, http } = ctx);
    audit = t.app.get(AuditService);
    auditor = await ctx.newStaff('auditor', '');
  });
  afterAll(() => ctx?.close());

  it('chains entries from concurrent writers without gaps or forks', async () => {
    const admin = await ctx.newStaff('region-admin', '33');
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.transaction((m) =>
          audit.record(
            {
              actor: i % 2 ? staffActor({ staffId: admin.id, role: admin.role }) : systemActor('test-job'),
              action: 'risk-level.set',
              target: { type: 'region', id: i % 3 ? '330106' : '110101' },
              region: i % 3 ? '330106' : '110101',
              details: { level: ['low', 'medium', 'high'][i % 3], n: i },
            },
            m,
          ),
        ),
      ),
    );
    const seqs = (await db.query('SELECT seq FROM audit_log ORDER BY seq')).map((r: { seq: string }) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await verify()).toMatchObject({ ok: true, checked: 24, firstBroken: null, head: { seq: 24 } });
  });

  it('writes an entry only when the change it describes commits', async () => {
    const before = await verify();
    await expect(
      db.transaction(async (m) => {
        await audit.record(
          { actor: systemActor('test-job'), action: 'rules.published', target: { type: 'rule-set', id: '9' } },
          m,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await verify()).head).toEqual(before.head);
  });

  it('refuses personal data and malformed entries, failing the caller’s transaction', async () => {
    await expect(
      audit.record({
        actor: systemActor('test-job'),
        action: 'appeal.decided',
        target: { type: 'appeal' },
        details: { phone: '13812345678' },
      }),
    ).rejects.toBeInstanceOf(AuditException);
    await expect(
      audit.record({
        actor: systemActor('test-job'),
        action: 'appeal.decided',
        target: { type: 'appeal' },
        details: { note: 'id 330106199001010016' },
      }),
    ).rejects.toBeInstanceOf(AuditException);
    await expect(
      audit.record({ actor: systemActor('test-job'), action: 'Not An Action', target: { type: 'appeal' } }),
    ).rejects.toBeInstanceOf(AuditException);
    await expect(
      audit.record({
        actor: { kind: 'staff', staffId: undefined as never, role: 'auditor' },
        action: 'appeal.decided',
        target: { type: 'appeal' },
      }),
    ).rejects.toBeInstanceOf(AuditException);
    expect((await verify()).ok).toBe(true);
  });

  it('names the first broken entry when a row is altered directly in SQL', async () => {
    const edited = await tampered(
      "UPDATE audit_log SET details = JSON_SET(details, '$.level', 'tampered') WHERE seq = 5",
    );
    expect(edited).toMatchObject({ ok: false, firstBroken: { seq: 5, reason: 'hash-mismatch' } });
    const moved = await tampered('UPDATE audit_log SET at = at - INTERVAL 1 DAY WHERE seq = 9');
    expect(moved.firstBroken).toMatchObject({ seq: 9, reason: 'hash-mismatch' });
    const relabelled = await tampered("UPDATE audit_log SET actor_role = 'system-admin' WHERE seq = 2");
    expect(relabelled.firstBroken).toMatchObject({ seq: 2, reason: 'hash-mismatch' });
  });

  it('names the entry after one that was altered and re-hashed, and notices deleted rows', async () => {
    // Someone who knows the hashing rule edits entry 3 and gives it a valid hash of its own.
    const [row] = await db.getRepository(AuditEntryEntity).find({ where: { seq: 3 } });
    const forged = { ...row, details: { ...row.details, level: 'forged' } };
    const rehashed = await tampered('UPDATE audit_log SET details = ?, hash = ? WHERE seq = 3', [
      JSON.stringify(forged.details),
      entryHash(row.prevHash, forged),
    ]);
    expect(rehashed.firstBroken).toMatchObject({ seq: 4, reason: 'prev-hash-mismatch' });
    expect((await tampered('DELETE FROM audit_log WHERE seq = 7')).firstBroken).toMatchObject({
      seq: 7,
      reason: 'missing',
    });
    expect((await tampered('DELETE FROM audit_log WHERE seq = 24')).firstBroken).toMatchObject({
      seq: 24,
      reason: 'missing',
    });
    expect((await tampered("UPDATE audit_chain_head SET hash = UNHEX(REPEAT('ab', 32))")).firstBroken).toMatchObject({
      seq: 24,
      reason: 'head-mismatch',
    });
    expect((await verify()).ok).toBe(true);
  });

  it('detects a rewrite that recomputes every later hash and the head, once the head was signed', async () => {
    for (let i = 0; i < 5; i++)
      await audit.record({ actor: systemActor('test-job'), action: 'rules.published', target: { type: 'rule-set' } });
    // Someone with database access edits entry 3 and recomputes every hash after it and the head: the
    // chain alone cannot tell.
    const rewrite = async () => {
      const rows = await db.getRepository(AuditEntryEntity).find({ order: { seq: 'ASC' } });
      let prev = rows[1].hash;
      for (const row of rows.slice(2)) {
        const fields = row.seq === 3 ? { ...row, details: { ...row.details, level: 'rewritten' } } : row;
        const hash = entryHash(prev, fields);
        await db.query('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?', [
          JSON.stringify(fields.details),
          prev,
          hash,
          row.seq,
        ]);
        prev = hash;
      }
      await db.query('UPDATE audit_chain_head SET hash = ?', [prev]);
    };
    expect(await tampered(rewrite)).toMatchObject({ ok: true, signatures: { checked: 0, newestSeq: null } });

    // The maintenance job signs the head with the deployment's key (once per head), in a table of its own.
    const signer = t.app.get(AuditHeadSignerService);
    const { seq } = (await verify()).head;
    expect(await signer.signHead()).toEqual({ seq, signed: true });
    expect(await signer.signHead()).toEqual({ seq, signed: false });
    expect(await verify()).toMatchObject({ ok: true, signatures: { checked: 1, unverifiable: 0, newestSeq: seq } });

    expect((await tampered(rewrite)).firstBroken).toMatchObject({ seq, reason: 'signature-mismatch' });
    // Cutting the newest entries and pointing the head at what is left: the signed head lies beyond it.
    const cut = async () => {
      const [{ hash }] = await db.query('SELECT hash FROM audit_log WHERE seq = ?', [seq - 3]);
      await db.query('DELETE FROM audit_log WHERE seq > ?', [seq - 3]);
      await db.query('UPDATE audit_chain_head SET seq = ?, hash = ?', [seq - 3, hash]);
    };
    expect((await tampered(cut)).firstBroken).toMatchObject({ seq: seq - 2, reason: 'missing' });
    // A signature row altered by hand does not verify.
    const [row] = await db.query('SELECT jws FROM audit_head_signatures WHERE seq = ?', [seq]);
    const [h, , sig] = (row.jws as string).split('.');
    const forged = Buffer.from(JSON.stringify({ seq, hash: 'ab'.repeat(32), iat: 1 })).toString('base64url');
    await db.query('UPDATE audit_head_signatures SET jws = ? WHERE seq = ?', [`${h}.${forged}.${sig}`, seq]);
    expect((await verify()).firstBroken).toMatchObject({ seq, reason: 'signature-mismatch' });
    await db.query('UPDATE audit_head_signatures SET jws = ? WHERE seq = ?', [row.jws, seq]);
    expect((await verify()).ok).toBe(true);
  });

  it('`npm run audit:verify` checks the same chain and exits non-zero naming the broken entry', async () => {
    const cli = join(__dirname, '../../dist/apps/api/src/cli/audit-verify.js');
    if (!existsSync(cli)) throw new Error('build the API first (npx tsc -p tsconfig.app.json): the CLI runs from dist');
    const run = () =>
      spawnSync('node', [cli], {
        env: { PATH: process.env.PATH!, HC_MODE: 'test', DATABASE_URL: t.databaseUrl, REDIS_URL: t.config.redis.url },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/intact, \d+ entries/);
    await db.query("UPDATE audit_log SET details = JSON_SET(details, '$.level', 'tampered') WHERE seq = 11");
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('BROKEN at entry 11 (hash-mismatch)');
  });

  it('lists entries with filters, newest first, and a scoped reader sees only their regions', async () => {
    const all = await http.get('/api/v1/audit?pageSize=5', auditor.token);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.items[0].seq).toBeGreaterThan(all.body.items[4].seq);
    expect(all.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
    const beijing = await http.get('/api/v1/audit?action=risk-level.set&targetId=110101', auditor.token);
    expect(beijing.body.total).toBe(8);
    const zjAuditor = await ctx.newStaff('auditor', '33');
    const scoped = await http.get('/api/v1/audit?pageSize=200', zjAuditor.token);
    expect(scoped.body.items.every((e: { region: string }) => e.region?.startsWith('33'))).toBe(true);
    expect(scoped.body.total).toBe(16);
    expect((await http.get('/api/v1/audit?sort=seq', auditor.token)).status).toBe(400);
    expect((await http.get('/api/v1/audit?from=yesterday', auditor.token)).status).toBe(400);
  });
});
