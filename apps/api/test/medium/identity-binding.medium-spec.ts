import { randomBytes } from 'node:crypto';

import { ApiErrorCode, ID_NUMBER_TAKEN_MESSAGE, type ProfileUpsertRequest } from '@healthcode/contracts';

import { DomainException } from '../../src/common/domain.exception';
import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { DevHostService } from '../../src/modules/identity/dev-host.service';
import { IdentityEventRepository } from '../../src/modules/identity/identity-event.repository';
import { IdentityVerificationService } from '../../src/modules/verification/identity-verification.service';
import { ResidentProfileService } from '../../src/modules/me/resident-profile.service';
import { ResidentRepository } from '../../src/modules/resident/resident.repository';
import { MediumContext } from '../utils/medium-context';
import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';

const profileOf = (idNumber: string): ProfileUpsertRequest => ({
  consentVersion: CONSENT_VERSION,
  name: '赵六',
  idType: 'resident-id',
  idNumber,
  phone: '13712345678',
  homeRegion: '330106',
});

async function refusal(p: Promise<unknown>): Promise<DomainException> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('one ID number, one live verified resident (medium: real MariaDB)', () => {
  let ctx: MediumContext;

  beforeAll(async () => {
    ctx = await MediumContext.create('2020-02-20T02:00:00Z');
  });
  afterAll(() => ctx?.close());

  const hmacOf = (idNumber: string) => ctx.get(PiiCryptoService).hmac('id', `resident-id:${idNumber}`);
  const loggedIn = async () =>
    (
      await ctx
        .get(ResidentRepository)
        .findOrCreateByHostKey(ctx.get(PiiCryptoService).hmac('host', `dev:${randomBytes(6).toString('hex')}`), 'dev')
    ).id;
  const addCase = (idNumber: string) => ctx.newConfirmedCase(idNumber);

  it('the database itself refuses a second live row with the same ID HMAC, and allows many erased (NULL) ones', async () => {
    const idNumber = validResidentId();
    const a = await loggedIn();
    const b = await loggedIn();
    const hmac = hmacOf(idNumber);
    await ctx.db.query('UPDATE residents SET id_hmac = ? WHERE id = ?', [hmac, uuidToBuffer(a)]);
    await expect(
      ctx.db.query('UPDATE residents SET id_hmac = ? WHERE id = ?', [hmac, uuidToBuffer(b)]),
    ).rejects.toMatchObject({ driverError: { errno: 1062 } });
    await ctx.get(ResidentRepository).erase(a, ctx.clock.now());
    await ctx.get(ResidentRepository).erase(b, ctx.clock.now());
    const [{ n }] = await ctx.db.query('SELECT COUNT(*) AS n FROM residents WHERE id IN (?, ?) AND id_hmac IS NULL', [
      uuidToBuffer(a),
      uuidToBuffer(b),
    ]);
    expect(Number(n)).toBe(2);
  });

  it('two sign-ups racing for one number: exactly one wins, the other gets the 409 and keeps no number', async () => {
    for (let round = 0; round < 5; round++) {
      const idNumber = validResidentId();
      const [a, b] = [await loggedIn(), await loggedIn()];
      const results = await Promise.allSettled([
        ctx.get(ResidentProfileService).upsert(a, profileOf(idNumber)),
        ctx.get(ResidentProfileService).upsert(b, profileOf(idNumber)),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(DomainException);
      expect(lost.reason).toMatchObject({
        code: ApiErrorCode.IdNumberTaken,
        status: 409,
        message: ID_NUMBER_TAKEN_MESSAGE,
      });
      const rows = await ctx.db.query('SELECT id, consent_version FROM residents WHERE id_hmac = ?', [
        hmacOf(idNumber),
      ]);
      expect(rows).toHaveLength(1);
      const loser = results[0].status === 'rejected' ? a : b;
      expect((await ctx.get(ResidentProfileService).get(loser)).registered).toBe(false);
    }
  });

  it('a second claimant gets the same answer whether or not the holder has facts, and is never shown them', async () => {
    const withFacts = validResidentId();
    const without = validResidentId();
    await ctx.newResident({ idNumber: withFacts });
    await ctx.newResident({ idNumber: without });
    await addCase(withFacts);
    const claimant = await loggedIn();
    const e1 = await refusal(ctx.get(ResidentProfileService).upsert(claimant, profileOf(withFacts)));
    const e2 = await refusal(ctx.get(ResidentProfileService).upsert(claimant, profileOf(without)));
    expect([e1.status, e1.code, e1.message, e1.errors]).toEqual([e2.status, e2.code, e2.message, e2.errors]);
    expect(e1.message).toBe(
      'This ID number is already registered. If it is yours, verify with your host app or call the hotline.',
    );
    expect((await ctx.get(ResidentProfileService).get(claimant)).registered).toBe(false);
  });

  it("an unverified resident's number matches no facts and yields no code; verifying shows them", async () => {
    const idNumber = validResidentId();
    await addCase(idNumber);
    const hostUser = randomBytes(6).toString('hex');
    const id = await ctx.newResident({ idNumber }, undefined, { verified: false, hostUser });
    const blocked = await refusal(ctx.codes().currentCode(id));
    expect(blocked).toMatchObject({ code: ApiErrorCode.VerificationRequired, status: 409 });
    expect(blocked.message).toContain('not verified yet');
    expect(await ctx.codes().evaluate(id)).toBeNull();

    // The dev host does not know the number for this user yet: refused, nothing changes.
    const refused = await refusal(ctx.get(IdentityVerificationService).verify(id, { method: 'dev' }));
    expect(refused).toMatchObject({ code: ApiErrorCode.VerificationRefused, status: 422 });
    expect((await ctx.get(ResidentProfileService).get(id)).verification.state).toBe('unverified');

    await ctx.get(DevHostService).certify({ user: hostUser, idType: 'resident-id', idNumber });
    const profile = await ctx.get(IdentityVerificationService).verify(id, { method: 'dev' });
    expect(profile.verification).toMatchObject({
      state: 'verified',
      method: 'dev',
      verifiedAt: ctx.clock.now().toISOString(),
    });
    expect((await ctx.codes().currentCode(id)).color).toBe('red');
    const again = await refusal(ctx.get(IdentityVerificationService).verify(id, { method: 'dev' }));
    expect(again).toMatchObject({ code: ApiErrorCode.IllegalTransition });
  });

  it('a red resident stays red after changing their ID number; the change is recorded and the new number needs proof', async () => {
    const first = validResidentId();
    await addCase(first);
    const hostUser = randomBytes(6).toString('hex');
    const id = await ctx.newResident({ idNumber: first }, undefined, { hostUser });
    expect((await ctx.codes().currentCode(id)).color).toBe('red');

    const second = validResidentId();
    const changed = await ctx.get(ResidentProfileService).upsert(id, profileOf(second));
    expect(changed.verification.state).toBe('unverified');
    await ctx.codes().rescoreOne(id, 'declaration', 'after-id-change');
    expect((await ctx.codes().currentCode(id)).color).toBe('red');
    const events = await ctx.get(IdentityEventRepository).listForResident(id);
    expect(events.map((e) => e.kind).sort()).toEqual(['id-changed', 'verified']);
    expect(events.find((e) => e.kind === 'id-changed')?.idHmac?.equals(hmacOf(first))).toBe(true);

    // Proving the new number adds its facts; the old number's facts still count.
    await ctx.get(DevHostService).certify({ user: hostUser, idType: 'resident-id', idNumber: second });
    await ctx.get(IdentityVerificationService).verify(id, { method: 'dev' });
    expect((await ctx.codes().currentCode(id)).color).toBe('red');

    // The old number is free for its owner, who sees its facts only once they prove it.
    const owner = await ctx.newResident({ idNumber: first }, undefined, { verified: false });
    await expect(ctx.codes().currentCode(owner)).rejects.toMatchObject({ code: ApiErrorCode.VerificationRequired });
  });

  it('keeps the verification when the profile changes without a new number', async () => {
    const idNumber = validResidentId();
    const id = await ctx.newResident({ idNumber });
    const updated = await ctx.get(ResidentProfileService).upsert(id, { ...profileOf(idNumber), phone: '13912345678' });
    expect(updated.verification.state).toBe('verified');
  });
});
