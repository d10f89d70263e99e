import { newId, uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { CodeTokenRetentionPurger } from '../../src/modules/keys/code-token-retention.purger';
import { CodeTokenRepository } from '../../src/modules/keys/code-token.repository';
import { CheckpointRepository } from '../../src/modules/checkpoint/checkpoint.repository';
import { ScanRetentionPurger } from '../../src/modules/checkpoint/scan-retention.purger';
import { ScanWriterService } from '../../src/modules/checkpoint/scan-writer.service';
import { ScanRepository, type ScanRow } from '../../src/modules/checkpoint/scan.repository';
import { CheckpointEntity } from '../../src/modules/checkpoint/checkpoint.entity';
import { ResidentDataRegistry } from '../../src/modules/resident-data/resident-data.registry';
import { RetentionService } from '../../src/modules/retention/retention.service';
import { APP_CONFIG } from '../../src/config/app-config';
import { AuditService } from '../../src/modules/audit/audit.service';
import { MediumContext } from '../utils/medium-context';

describe('scan storage on a real database (medium)', () => {
  let ctx: MediumContext;
  let scans: ScanRepository;
  let checkpointId: string;

  beforeAll(async () => {
    ctx = await MediumContext.create('2020-03-30T02:00:00Z');
    scans = new ScanRepository(ctx.db);
    checkpointId = newId();
    await new CheckpointRepository(ctx.db.getRepository(CheckpointEntity), null as never).insert({
      id: checkpointId,
      name: 'Metro',
      kind: 'metro',
      region: '330106',
      place: 'Exit B',
      admits: ['green'],
      peerAdmits: null,
      disabled: false,
      createdBy: null,
      createdAt: new Date(),
    });
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const row = (clientScanId: string, scannedAt: Date): ScanRow => ({
    checkpointId,
    clientScanId,
    codeId: 'c0de',
    color: 'green',
    admitted: true,
    reason: 'admitted',
    scannedAt,
  });

  it('group-commits concurrent scans in a few statements and answers each only once its row is stored', async () => {
    const insert = jest.spyOn(scans, 'insertIgnore');
    const writer = new ScanWriterService(scans, { windowMs: 15, maxRows: 1000 });
    const ids = Array.from({ length: 300 }, (_, i) => `group-${i}-${newId()}`);
    let stored = new Set<string>();
    await Promise.all(
      ids.map(async (id) => {
        await writer.write(row(id, ctx.clock.now()));
        // Acknowledged means committed: a fresh connection must already see it.
        if (!stored.has(id)) stored = new Set(await scans.clientScanIds(checkpointId));
        expect(stored.has(id)).toBe(true);
      }),
    );
    expect(insert.mock.calls.length).toBeLessThanOrEqual(3);
    insert.mockRestore();
  });

  it('stores a replayed clientScanId once', async () => {
    const id = `replay-${newId()}`;
    expect(await scans.insertIgnore([row(id, ctx.clock.now()), row(id, ctx.clock.now())])).toBe(1);
    expect(await scans.insertIgnore([row(id, ctx.clock.now())])).toBe(0);
  });

  it('is purged by the shared retention job after the retention period (28 days by default), keeping the rest', async () => {
    // The purger registers itself with the registry that the worker's repeatable retention job runs.
    const registry = ctx.get(ResidentDataRegistry);
    new ScanRetentionPurger(registry, scans, {
      retentionDays: 28,
      ratePerSec: 1,
      burst: 1,
      offlineWindowHours: 24,
    }).onModuleInit();
    expect(registry.retention().map((p) => p.kind)).toContain('checkpoint-scans');
    const retention = new RetentionService(ctx.app.get(APP_CONFIG), registry, ctx.get(AuditService), ctx.clock);
    const now = ctx.clock.now().getTime();
    const old = `old-${newId()}`;
    const edge = `edge-${newId()}`;
    const recent = `recent-${newId()}`;
    await scans.insertIgnore([
      row(old, new Date(now - 29 * 86_400_000)),
      row(edge, new Date(now - 28 * 86_400_000 + 60_000)),
      row(recent, new Date(now - 86_400_000)),
    ]);
    await scans.insertRefusal(checkpointId, 'wrong-checkpoint', new Date(now - 30 * 86_400_000));

    const report = await retention.purgeExpired();
    expect(report.purged['checkpoint-scans']).toBe(2);
    const left = new Set(await scans.clientScanIds(checkpointId));
    expect(left.has(old)).toBe(false);
    expect(left.has(edge)).toBe(true);
    expect(left.has(recent)).toBe(true);

    ctx.clock.advanceDays(1);
    await retention.purgeExpired();
    expect(new Set(await scans.clientScanIds(checkpointId)).has(edge)).toBe(false);
  });

  it('drops a token link once the token has been expired for the scan retention period, keeping younger links', async () => {
    const registry = ctx.get(ResidentDataRegistry);
    const config = ctx.app.get(APP_CONFIG);
    new CodeTokenRetentionPurger(config, registry, ctx.get(CodeTokenRepository)).onModuleInit();
    const tokens = ctx.get(CodeTokenRepository);
    const residentId = newId();
    const now = ctx.clock.now().getTime();
    const day = 86_400_000;
    await tokens.insert({ tokenId: `old-${newId()}`.slice(0, 32), residentId, expiresAt: new Date(now - 29 * day) });
    const keptId = `kept-${newId()}`.slice(0, 32);
    await tokens.insert({ tokenId: keptId, residentId, expiresAt: new Date(now - 28 * day + 60_000) });
    const retention = new RetentionService(config, registry, ctx.get(AuditService), ctx.clock);
    const report = await retention.purgeExpired();
    expect(report.purged['code-token-links']).toBe(1);
    const left: { token_id: string }[] = await ctx.db.query('SELECT token_id FROM code_tokens WHERE resident_id = ?', [
      uuidToBuffer(residentId),
    ]);
    expect(left.map((r) => r.token_id)).toEqual([keptId]);
  });
});
