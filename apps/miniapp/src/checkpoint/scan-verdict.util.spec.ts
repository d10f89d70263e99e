import { verdictFromDevice, verdictFromServer } from './scan-verdict.util';

describe('scan verdicts', () => {
  it('shows a colour only for a verified token', () => {
    expect(
      verdictFromDevice({ ok: true, kid: 'k', claims: { cid: 'c', col: 'green', iat: 1, exp: 2, rsv: 1 } }),
    ).toEqual({ kind: 'valid', color: 'green', by: 'device', admitted: null, superseded: false });
    for (const error of ['expired', 'bad-signature', 'unknown-kid', 'malformed'] as const) {
      expect(verdictFromDevice({ ok: false, error, message: '' })).toEqual({
        kind: 'invalid',
        reason: error,
        by: 'device',
      });
    }
    const odd = { ok: true, kid: 'k', claims: { cid: 'c', col: 'purple', iat: 1, exp: 2, rsv: 1 } } as never;
    expect(verdictFromDevice(odd)).toMatchObject({ kind: 'invalid', reason: 'bad-claims' });
  });

  it('maps the scan API answer', () => {
    expect(
      verdictFromServer({ color: 'red', admitted: false, reason: 'color-not-admitted', superseded: true }),
    ).toEqual({ kind: 'valid', color: 'red', by: 'server', admitted: false, superseded: true });
    expect(verdictFromServer({ color: null, admitted: false, reason: 'expired', superseded: false })).toEqual({
      kind: 'invalid',
      reason: 'expired',
      by: 'server',
    });
    expect(verdictFromServer({ color: null, admitted: true, reason: 'admitted', superseded: false })).toMatchObject({
      kind: 'invalid',
    });
  });
});
