import {
  IllegalVerificationTransition,
  isVerified,
  nextVerificationStatus,
  UNVERIFIED,
  type VerificationStatus,
} from './verification-state-machine';

const at = new Date('2020-02-20T02:00:00Z');
const verified: VerificationStatus = { state: 'verified', method: 'alipay', verifiedAt: at, rejectedReason: null };
const rejected: VerificationStatus = { state: 'rejected', method: null, verifiedAt: null, rejectedReason: 'face' };

describe('verification state machine', () => {
  it('verifies an unverified number, recording how and when', () => {
    const next = nextVerificationStatus(UNVERIFIED, { type: 'verify', method: 'wechat', at });
    expect(next).toEqual({ state: 'verified', method: 'wechat', verifiedAt: at, rejectedReason: null });
    expect(isVerified(next)).toBe(true);
  });

  it('rejects an unverified number with a reason, and lets a rejected one be verified later', () => {
    const r = nextVerificationStatus(UNVERIFIED, { type: 'reject', reason: 'not certified' });
    expect(r).toEqual({ state: 'rejected', method: null, verifiedAt: null, rejectedReason: 'not certified' });
    expect(isVerified(r)).toBe(false);
    expect(nextVerificationStatus(r, { type: 'verify', method: 'hotline', at })).toMatchObject({
      state: 'verified',
      method: 'hotline',
      rejectedReason: null,
    });
    expect(nextVerificationStatus(r, { type: 'reject', reason: 'again' }).rejectedReason).toBe('again');
  });

  it('never lets a later attempt undo or repeat a proof', () => {
    expect(() => nextVerificationStatus(verified, { type: 'reject', reason: 'x' })).toThrow(
      IllegalVerificationTransition,
    );
    expect(() => nextVerificationStatus(verified, { type: 'verify', method: 'dev', at })).toThrow(
      'A verified ID number cannot take "verify"',
    );
  });

  it('forgets every proof when the ID number changes, from any state', () => {
    for (const s of [UNVERIFIED, verified, rejected])
      expect(nextVerificationStatus(s, { type: 'id-changed' })).toEqual(UNVERIFIED);
  });

  it('counts only the verified state as verified', () => {
    expect([UNVERIFIED, verified, rejected].map(isVerified)).toEqual([false, true, false]);
  });
});
