import type { CodeTokenVerifyResult } from '@healthcode/qr-token';

import { offlineScanRefusal } from './offline-scan-bounds.util';

const iat = 1_582_164_000; // 2020-02-20T02:00:00Z
const ok: CodeTokenVerifyResult = {
  ok: true,
  kid: 'k1',
  claims: { cid: 'c', col: 'green', rsv: 1, cv: 1, iat, exp: iat + 300 },
} as unknown as CodeTokenVerifyResult;
const notYetValid: CodeTokenVerifyResult = { ok: false, error: 'not-yet-valid', message: 'x' };
const malformed: CodeTokenVerifyResult = { ok: false, error: 'malformed', message: 'x' };
const at = (sec: number) => new Date(sec * 1000);

describe('offlineScanRefusal', () => {
  it('takes a scan inside the token validity uploaded within the window', () => {
    expect(offlineScanRefusal(ok, at(iat + 10), at(iat + 300 + 23 * 3600), 24)).toBeNull();
  });

  it('refuses a scan dated after its upload beyond the skew, tolerating 30 s', () => {
    expect(offlineScanRefusal(ok, at(iat + 100), at(iat + 60), 24)).toBe('scanned-in-future');
    expect(offlineScanRefusal(ok, at(iat + 80), at(iat + 60), 24)).toBeNull();
  });

  it('refuses a scan dated before the token was issued', () => {
    expect(offlineScanRefusal(notYetValid, at(iat - 120), at(iat + 60), 24)).toBe('scanned-before-issue');
  });

  it('refuses an upload more than the window after expiry', () => {
    expect(offlineScanRefusal(ok, at(iat + 10), at(iat + 300 + 24 * 3600 + 1), 24)).toBe('offline-window-passed');
  });

  it('refuses an unreadable token dated before any valid upload could be', () => {
    expect(offlineScanRefusal(malformed, at(0), at(iat), 24)).toBe('offline-window-passed');
    expect(offlineScanRefusal(malformed, at(iat - 3600), at(iat), 24)).toBeNull();
  });
});
