import type { ProfileUpsertRequest } from '@healthcode/contracts';

import { AppealFilingService } from '../../src/modules/appeal/appeal-filing.service';
import { AppealRegionHandoverService } from '../../src/modules/appeal/appeal-region-handover.service';
import { AppealRepository } from '../../src/modules/appeal/appeal.repository';
import { ResidentProfileService } from '../../src/modules/me/resident-profile.service';
import { AppealContext } from '../utils/appeal-context';
import { CONSENT_VERSION } from '../utils/resident.factory';

/**
 * A resident files an appeal in Hangzhou, then moves to Wuhan: the open appeal is handed over to the region now
 * responsible, gets a Wuhan agent, and the hand-over is in the appeal's timeline and the audit log.
 */
describe('appeal region hand-over after a move (medium)', () => {
  let ctx: AppealContext;

  // Each case with staff of its own (whether a region has an agent is what they test): any order.
  beforeEach(async () => {
    ctx = await AppealContext.create();
  }, 120_000);
  afterEach(() => ctx?.close());

  const moveHome = (resident: { id: string; idNumber: string; phone: string }, homeRegion: string) =>
    ctx.get(ResidentProfileService).upsert(resident.id, {
      consentVersion: CONSENT_VERSION,
      name: '王五',
      idType: 'resident-id',
      idNumber: resident.idNumber,
      phone: resident.phone,
      homeRegion,
    } as ProfileUpsertRequest);
  const auditFor = (number: number) =>
    ctx.db.query(
      "SELECT actor_kind, region, details FROM audit_log WHERE action = 'appeal.region-handover' AND target_id = ?",
      [String(number)],
    );

  it('routes an open appeal to the new region, gives it an agent there, and records the hand-over', async () => {
    const hangzhou = await ctx.newStaff('hotline-agent', '3301');
    const wuhan = await ctx.newStaff('hotline-agent', '4201');
    const resident = await ctx.newRedResident();
    const filed = await ctx.newAppeal(resident);
    const before = (await ctx.get(AppealRepository).findByNumber(filed.number))!;
    expect(before).toMatchObject({ region: '330106', status: 'assigned', assignedTo: hangzhou.id });

    const handover = ctx.get(AppealRegionHandoverService);
    expect(await handover.handOverMoved()).toBe(0); // nobody moved yet
    await moveHome(resident, '420106');
    expect(await handover.handOverMoved()).toBe(1);
    expect(await handover.handOverMoved()).toBe(0); // once

    const after = (await ctx.get(AppealRepository).findByNumber(filed.number))!;
    expect(after).toMatchObject({ region: '420106', status: 'assigned', assignedTo: wuhan.id, escalatedTo: null });
    const events = await ctx.get(AppealRepository).listEvents(after.id);
    const step = events.find((e) => e.type === 'region-handover');
    expect(step).toMatchObject({ actorKind: 'system', data: { from: '330106', to: '420106' } });
    // The resident's timeline shows it.
    expect((await ctx.get(AppealFilingService).viewOf(after)).timeline.map((t) => t.type)).toContain('region-handover');
    const audit = await auditFor(filed.number);
    expect(audit).toHaveLength(1);
    const details = typeof audit[0].details === 'string' ? JSON.parse(audit[0].details) : audit[0].details;
    expect(details).toEqual({ from: '330106', to: '420106', agentId: wuhan.id });
    expect(audit[0].region).toBe('420106');
  });

  it('an appeal nobody could take where it was filed gets an agent of the region it moves to', async () => {
    const wuhan = await ctx.newStaff('hotline-agent', '4201');
    const resident = await ctx.newRedResident();
    await moveHome(resident, '110105'); // Beijing: no agent there
    await ctx.codes().rescoreOne(resident.id, 'declaration', 'moved');
    const filed = await ctx.newAppeal(resident);
    expect((await ctx.get(AppealRepository).findByNumber(filed.number))!).toMatchObject({
      region: '110105',
      status: 'submitted',
      assignedTo: null,
    });
    await moveHome(resident, '420111');
    expect(await ctx.get(AppealRegionHandoverService).handOverMoved()).toBe(1);
    const after = (await ctx.get(AppealRepository).findByNumber(filed.number))!;
    expect(after).toMatchObject({ region: '420111', status: 'assigned', assignedTo: wuhan.id });
  });

  it('leaves closed appeals where they were', async () => {
    const resident = await ctx.newRedResident();
    const filed = await ctx.newAppeal(resident);
    await ctx.db.query("UPDATE appeals SET status = 'closed' WHERE number = ?", [filed.number]);
    await moveHome(resident, '420106');
    expect(await ctx.get(AppealRegionHandoverService).handOverMoved()).toBe(0);
    expect((await ctx.get(AppealRepository).findByNumber(filed.number))!.region).toBe('330106');
  });
});
