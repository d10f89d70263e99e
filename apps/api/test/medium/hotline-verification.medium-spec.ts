import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../src/common/domain.exception';
import { ResidentProfileService } from '../../src/modules/me/resident-profile.service';
import { HotlineVerificationService } from '../../src/modules/verification/hotline-verification.service';
import { MediumContext } from '../utils/medium-context';
import { validResidentId } from '../utils/resident.factory';

describe('hotline-assisted verification on MariaDB (medium)', () => {
  let ctx: MediumContext;
  beforeAll(async () => {
    ctx = await MediumContext.create('2020-02-20T02:00:00Z');
  });
  afterAll(() => ctx?.close());

  const count = async (sql: string, ...params: unknown[]) => Number((await ctx.db.query(sql, params))[0].n);

  it('two supervisors approving at once: exactly one approval counts, one hotline verification event, one audit entry', async () => {
    const idNumber = validResidentId();
    const residentId = await ctx.newResident({ idNumber }, undefined, { verified: false });
    const request = await ctx.newHotlineVerification(residentId, idNumber);
    const service = ctx.get(HotlineVerificationService);
    const results = await Promise.allSettled(
      [ctx.newStaffPrincipal('supervisor'), ctx.newStaffPrincipal('supervisor')].map((s) =>
        service.decide(s, request.id, { approve: true }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(DomainException);
    expect((lost.reason as DomainException).code).toBe(ApiErrorCode.IllegalTransition);
    expect(await count("SELECT COUNT(*) n FROM identity_events WHERE kind = 'verified' AND method = 'hotline'")).toBe(
      1,
    );
    expect(await count("SELECT COUNT(*) n FROM audit_log WHERE action = 'identity.hotline-approved'")).toBe(1);
    expect((await ctx.get(ResidentProfileService).get(residentId)).verification).toMatchObject({
      state: 'verified',
      method: 'hotline',
    });
  });

  it('refuses to approve after the resident changed their ID number, and nothing changes', async () => {
    const idNumber = validResidentId();
    const residentId = await ctx.newResident({ idNumber }, undefined, { verified: false });
    const request = await ctx.newHotlineVerification(residentId, idNumber);
    await ctx.get(ResidentProfileService).upsert(residentId, ctx.profile());
    const events = await count('SELECT COUNT(*) n FROM identity_events');
    const error = await ctx
      .get(HotlineVerificationService)
      .decide(ctx.newStaffPrincipal('supervisor'), request.id, { approve: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).code).toBe(ApiErrorCode.Conflict);
    expect(await count('SELECT COUNT(*) n FROM identity_events')).toBe(events);
    expect(await count("SELECT COUNT(*) n FROM hotline_verifications WHERE status = 'pending'")).toBe(1);
    expect((await ctx.get(ResidentProfileService).get(residentId)).verification.state).toBe('unverified');
  });
});
