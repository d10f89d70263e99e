import { request as taroRequest, resetTaroFake } from '../../../test/taro.fake';
import { initI18n } from '../../i18n/i18n';
import { readAccessToken, saveAccessToken } from '../../services/token-store';
import { readAcceptedConsent, saveAcceptedConsent } from '../../session/consent-store';
import { deleteMyData, fetchAccessLog, fetchMyScans, fetchRetention } from './service';

describe('privacy service', () => {
  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    resetTaroFake();
    saveAccessToken('tok', 3600);
    saveAcceptedConsent('v1');
  });

  it('lists accesses newest first', async () => {
    taroRequest.mockResolvedValueOnce({
      statusCode: 200,
      data: {
        items: [
          { id: 'a', at: '2020-02-01T00:00:00Z', role: 'hotline-agent', purpose: 'call', scope: 'record' },
          { id: 'b', at: '2020-02-03T00:00:00Z', role: 'auditor', purpose: 'audit', scope: 'record' },
        ],
      },
    });
    expect((await fetchAccessLog()).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('deletes on the server, returns the receipt and forgets the session', async () => {
    const receipt = { receiptId: 'r1', deletedAt: '2020-02-10T00:00:00Z', erased: { profile: 1 }, digest: 'd' };
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: receipt });
    await expect(deleteMyData()).resolves.toEqual(receipt);
    expect(taroRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/me', method: 'DELETE' });
    expect(readAccessToken()).toBeNull();
    expect(readAcceptedConsent()).toBeNull();
  });

  it('keeps the session when deletion fails', async () => {
    taroRequest.mockResolvedValueOnce({
      statusCode: 500,
      data: { statusCode: 500, code: 'INTERNAL', message: 'Try later' },
    });
    await expect(deleteMyData()).rejects.toMatchObject({ message: 'Try later' });
    expect(readAccessToken()).toBe('tok');
  });

  it('lists my checkpoint scans newest first, each with its deletion date', async () => {
    const scan = (scannedAt: string) => ({
      checkpointName: 'Metro A',
      checkpointKind: 'metro',
      place: 'Gate 1',
      region: '330106',
      scannedAt,
      color: 'green',
      admitted: true,
      reason: 'admitted',
      deleteOn: '2020-03-01',
    });
    taroRequest.mockResolvedValueOnce({
      statusCode: 200,
      data: { items: [scan('2020-02-01T00:00:00Z'), scan('2020-02-05T00:00:00Z')] },
    });
    const items = await fetchMyScans();
    expect(taroRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/me/scans', method: 'GET' });
    expect(items.map((s) => s.scannedAt)).toEqual(['2020-02-05T00:00:00Z', '2020-02-01T00:00:00Z']);
  });

  it('reads deletion dates from the API, soonest first', async () => {
    const policy = { checkpointScans: 30, declarations: 28, closedAppeals: 365 };
    taroRequest.mockResolvedValueOnce({
      statusCode: 200,
      data: {
        policy,
        items: [
          { kind: 'declarations', id: 'd', at: '2020-02-01T00:00:00Z', deleteAt: '2020-02-29T00:00:00Z' },
          { kind: 'check-ins', id: 'c', at: '2020-01-20T00:00:00Z', deleteAt: '2020-02-17T00:00:00Z' },
        ],
      },
    });
    const summary = await fetchRetention();
    expect(taroRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/me/retention' });
    expect(summary.policy).toEqual(policy);
    expect(summary.items.map((i) => i.id)).toEqual(['c', 'd']);
  });
});
