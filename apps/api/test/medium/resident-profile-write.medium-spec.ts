import { randomBytes } from 'node:crypto';

import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { ResidentProfileService } from '../../src/modules/me/resident-profile.service';
import { type ProfileFields, ResidentRepository } from '../../src/modules/resident/resident.repository';
import { SessionRevocationService } from '../../src/modules/session/session-revocation.service';
import { MediumContext } from '../utils/medium-context';
import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';

/** Host login's and sign-up's narrow statements (issue #16): the same outcomes as the entity paths they replace. */
describe('host login and sign-up writes (medium: real MariaDB)', () => {
  let ctx: MediumContext;

  beforeAll(async () => {
    ctx = await MediumContext.create('2020-02-20T02:00:00Z');
  });
  afterAll(() => ctx?.close());

  const residents = () => ctx.get(ResidentRepository);
  const crypto = () => ctx.get(PiiCryptoService);
  const hostKey = () => crypto().hmac('host', `dev:${randomBytes(6).toString('hex')}`);
  const fields = (idNumber: string, name = '赵六'): ProfileFields => ({
    consentVersion: CONSENT_VERSION,
    consentAt: new Date('2020-02-20T02:00:00.123Z'),
    piiKeyId: crypto().currentKeyId,
    nameEnc: crypto().encrypt(name),
    nameMasked: name.slice(0, 1) + '*',
    idType: 'resident-id',
    idHmac: crypto().hmac('id', `resident-id:${idNumber}`),
    idEnc: crypto().encrypt(idNumber),
    idMasked: 'masked',
    phoneHmac: crypto().hmac('phone', '13712345678'),
    phoneEnc: crypto().encrypt('13712345678'),
    phoneMasked: '137****5678',
    homeRegion: '330106',
  });

  it('reads the session epoch with the resident at login: 0 when new, the revocation count after revocations', async () => {
    const key = hostKey();
    const first = await residents().findOrCreateForLogin(key, 'dev');
    expect(first.sessionEpoch).toBe(0);
    expect(await residents().findOrCreateForLogin(key, 'dev')).toEqual(first);
    const revocations = ctx.get(SessionRevocationService);
    await revocations.revokeResidentSessions(first.id);
    await revocations.revokeResidentSessions(first.id);
    expect(await residents().findOrCreateForLogin(key, 'dev')).toEqual({ id: first.id, sessionEpoch: 2 });
    expect(await revocations.residentEpoch(first.id)).toBe(2);
    // Racing first logins agree on the resident, and each sees epoch 0.
    const raced = await Promise.all(
      Array.from({ length: 4 }, () => residents().findOrCreateForLogin(hostKey(), 'dev')),
    );
    for (const r of raced) expect(r.sessionEpoch).toBe(0);
  });

  it('finds or creates one resident per host key, also when first logins race', async () => {
    const key = hostKey();
    const ids = await Promise.all(Array.from({ length: 6 }, () => residents().findOrCreateIdByHostKey(key, 'dev')));
    expect(new Set(ids).size).toBe(1);
    expect(await residents().findOrCreateIdByHostKey(key, 'dev')).toBe(ids[0]);
    const [rows] = (await ctx.db.query('SELECT COUNT(*) AS n FROM residents WHERE host_key = ?', [key])) as [
      { n: string | number },
    ];
    expect(Number(rows.n)).toBe(1);
    const row = await residents().findActive(ids[0]);
    expect(row).toMatchObject({ hostProvider: 'dev', consentVersion: null, verificationState: 'unverified' });
  });

  it('writes a profile only while the row still holds what was read (dates included), else writes nothing', async () => {
    const id = await residents().findOrCreateIdByHostKey(hostKey(), 'dev');
    const idNumber = validResidentId();
    const first = await residents().profileState(id);
    expect(first).toMatchObject({ consentVersion: null, idHmac: null, verificationState: 'unverified' });
    expect(await residents().updateProfileIfUnchanged(id, first!, fields(idNumber))).toBe(true);

    // Read back: a datetime(3) (consent_at) compares equal to what was read, so a second change applies.
    const second = await residents().profileState(id);
    expect(second?.consentAt?.toISOString()).toBe('2020-02-20T02:00:00.123Z');
    expect(await residents().updateProfileIfUnchanged(id, second!, fields(idNumber, '钱七'))).toBe(true);
    expect((await residents().findActive(id))?.nameMasked).toBe('钱*');

    // Something changed in between (here the current region, as a check-in would): nothing is written.
    const stale = await residents().profileState(id);
    await ctx.db.query("UPDATE residents SET current_region = '330102' WHERE id = ?", [uuidToBuffer(id)]);
    expect(await residents().updateProfileIfUnchanged(id, stale!, fields(idNumber, '孙八'))).toBe(false);
    expect((await residents().findActive(id))?.nameMasked).toBe('钱*');

    // Erased: no state, and a stale write finds no row.
    const beforeErasure = await residents().profileState(id);
    await ctx.db.query('UPDATE residents SET deleted_at = NOW(3) WHERE id = ?', [uuidToBuffer(id)]);
    expect(await residents().profileState(id)).toBeNull();
    expect(await residents().updateProfileIfUnchanged(id, beforeErasure!, fields(idNumber))).toBe(false);
  });

  it('sign-up answers with what a fresh read shows, and a second sign-up keeps the consent time', async () => {
    const id = await residents().findOrCreateIdByHostKey(hostKey(), 'dev');
    const profiles = ctx.get(ResidentProfileService);
    const request = {
      consentVersion: CONSENT_VERSION,
      name: '赵六',
      idType: 'resident-id' as const,
      idNumber: validResidentId(),
      phone: '13712345678',
      homeRegion: '330106',
    };
    const answered = await profiles.upsert(id, request);
    expect(answered).toEqual(await profiles.get(id));
    const consentAt = (await residents().findActive(id))?.consentAt;
    expect(await profiles.upsert(id, { ...request, phone: '13812345678' })).toEqual(await profiles.get(id));
    expect((await residents().findActive(id))?.consentAt).toEqual(consentAt);
  });
});
