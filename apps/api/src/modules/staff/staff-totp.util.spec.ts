import { checkTotp, newTotpSecret, totpAt, totpEnrollment } from './staff-totp.util';

describe('staff TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2020-02-10T08:00:10Z');

  it('accepts the current code and one step of drift, and refuses replays', async () => {
    const code = await totpAt(secret, now);
    const step = await checkTotp(secret, code, now, null);
    expect(step).toBe(Math.floor(now.getTime() / 30_000));
    expect(await checkTotp(secret, code, new Date(now.getTime() + 30_000), null)).toBe(step);
    expect(await checkTotp(secret, code, now, step)).toBeNull();
    expect(await checkTotp(secret, code, new Date(now.getTime() + 120_000), null)).toBeNull();
  });

  it('refuses a wrong code', async () => {
    const code = await totpAt(secret, now);
    expect(await checkTotp(secret, code === '000000' ? '000001' : '000000', now, null)).toBeNull();
  });

  it('builds an otpauth URL for authenticator apps', () => {
    const e = totpEnrollment('region-admin', secret);
    expect(e.otpauthUrl).toMatch(/^otpauth:\/\/totp\/healthcode:region-admin\?/);
    expect(e.otpauthUrl).toContain(`secret=${secret}`);
  });
});
