import { type AddMinorRequest, ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../src/common/domain.exception';
import { CareLinkService } from '../../src/modules/care/care-link.service';
import { CareModule } from '../../src/modules/care/care.module';
import { minorResidentId } from '../utils/e2e-context';
import { MediumContext } from '../utils/medium-context';
import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';

const child = (idNumber = minorResidentId()): AddMinorRequest => ({
  consentVersion: CONSENT_VERSION,
  guardianDeclaration: true,
  name: '周小雨',
  idType: 'resident-id',
  idNumber,
  homeRegion: '330106',
});

/** What each of several concurrent calls ended in: 'ok' or the refusal's code. */
async function outcomes(calls: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(calls);
  return settled.map((s) => {
    if (s.status === 'fulfilled') return 'ok';
    if (s.reason instanceof DomainException) return s.reason.code;
    throw s.reason;
  });
}

describe('care link limits hold under concurrent adds (medium: real MariaDB)', () => {
  let ctx: MediumContext;
  let links: CareLinkService;

  beforeAll(async () => {
    ctx = await MediumContext.create('2020-02-20T02:00:00Z', [CareModule]);
    links = ctx.get(CareLinkService);
  });
  afterAll(() => ctx?.close());

  const liveLinks = async (column: 'carer_id' | 'dependant_id', id: string) =>
    Number(
      (
        await ctx.db.query(
          `SELECT COUNT(*) n FROM care_links WHERE ${column} = UNHEX(REPLACE(?, '-', '')) AND status IN ('pending', 'active')`,
          [id],
        )
      )[0].n,
    );

  it('eight children added at once by one carer: exactly five are linked, three refused', async () => {
    const carer = await ctx.newResident();
    const results = await outcomes(Array.from({ length: 8 }, () => links.addMinor(carer, child())));
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r !== 'ok')).toEqual(Array(3).fill(ApiErrorCode.CareLimitReached));
    expect(await liveLinks('carer_id', carer)).toBe(5);
  });

  it('four adults adding the same child at once: with the first guardian, exactly two carers', async () => {
    const first = await ctx.newResident();
    const number = minorResidentId();
    const added = await links.addMinor(first, child(number));
    const others = [await ctx.newResident(), await ctx.newResident(), await ctx.newResident()];
    const sameChild = child(number);
    const results = await outcomes(others.map((o) => links.addMinor(o, sameChild)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r !== 'ok')).toEqual(Array(2).fill(ApiErrorCode.CareLimitReached));
    expect(await liveLinks('dependant_id', added.dependantId)).toBe(2);
  });

  it('three carers asking one adult at once: two requests pending, one refused', async () => {
    const parentNumber = validResidentId();
    const parent = await ctx.newResident({ idNumber: parentNumber });
    const carers = [await ctx.newResident(), await ctx.newResident(), await ctx.newResident()];
    const results = await outcomes(
      carers.map((c) => links.requestAdult(c, { idType: 'resident-id', idNumber: parentNumber })),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(2);
    expect(results.filter((r) => r !== 'ok')).toEqual([ApiErrorCode.CareLimitReached]);
    expect(await liveLinks('dependant_id', parent)).toBe(2);
  });
});
