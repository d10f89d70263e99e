import { generateCodeId, KeyRing, signCardStatusList, signCardToken, signTrustList } from '@healthcode/qr-token';

import { request as taroRequest, resetTaroFake, storage } from '../../../test/taro.fake';
import { saveDeviceSettings, saveJwks } from '../../checkpoint/checkpoint-store';
import { readRefusedScans } from '../../checkpoint/refused-scans.store';
import { readQueue } from '../../checkpoint/scan-queue.store';
import { newScan } from '../../checkpoint/scan-queue.util';
import { initI18n } from '../../i18n/i18n';
import { codeVerifier } from '../../platform/code-verifier';
import { codeVerifier as alipayVerifier } from '../../platform/code-verifier.alipay';
import { codeVerifier as weappVerifier } from '../../platform/code-verifier.weapp';
import { checkToken, downloadJwks, uploadQueue } from './service';

const DEVICE = { checkpointId: '3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', authorization: 'Device cred.secret' };

/** Flips one character of the payload, keeping it valid base64url: a forged colour. */
function tamper(token: string): string {
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  return [h, Buffer.from(JSON.stringify({ ...claims, col: 'green' })).toString('base64url'), s].join('.');
}

describe('checkpoint service', () => {
  let ring: KeyRing;
  beforeAll(async () => {
    initI18n('en');
    ring = await KeyRing.generate();
  });
  beforeEach(() => {
    resetTaroFake();
    taroRequest.mockReset();
    saveDeviceSettings(DEVICE);
  });

  it('downloads and caches the offline bundle (keys and signed trust list) from the origin, not under /api/v1', async () => {
    const trustList = await signTrustList({ iss: 'cn-33', region: '33', iat: 1581292800, issuers: [] }, ring.current);
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: { jwks: ring.jwks(), trustList } });
    const cached = await downloadJwks(new Date('2020-02-10T00:00:00Z'));
    expect(taroRequest.mock.calls[0][0]).toMatchObject({
      url: '/.well-known/healthcode-checkpoint-bundle',
      method: 'GET',
    });
    expect(cached.jwks.keys).toHaveLength(1);
    expect(cached.fetchedAt).toBe('2020-02-10T00:00:00.000Z');
    expect(cached.trustList).toBe(trustList);
    expect(cached.trustListIssuedAt).toBe('2020-02-10T00:00:00.000Z');
  });

  describe('offline (H5, Web Crypto)', () => {
    it('checks a printed card against the cached status list: absent passes, listed is refused, with the age', async () => {
      const nowSec = Math.floor(Date.now() / 1000);
      const [green, red, revoked] = [generateCodeId(), generateCodeId(), generateCodeId()];
      const card = (crd: string) =>
        signCardToken({ iss: 'cn-33', crd, nbf: nowSec - 60, exp: nowSec + 90 * 86_400 }, ring.current);
      const cardStatus = await signCardStatusList(
        { iss: 'cn-33', iat: nowSec - 600, revoked: [revoked], notGreen: [red] },
        ring.current,
      );
      const listIssuedAt = new Date((nowSec - 600) * 1000).toISOString();
      expect(await checkToken(await card(green))).toMatchObject({ kind: 'invalid', reason: 'no-keys' });
      saveJwks(ring.jwks(), new Date(), undefined, cardStatus);
      expect(await checkToken(await card(green))).toEqual({ kind: 'card', listed: null, listIssuedAt, by: 'device' });
      expect(await checkToken(await card(red))).toMatchObject({ kind: 'card', listed: 'not-green' });
      expect(await checkToken(await card(revoked))).toMatchObject({ kind: 'card', listed: 'revoked' });
      expect(readQueue()).toHaveLength(4);
      const forged = await signCardToken(
        { iss: 'cn-33', crd: green, nbf: nowSec - 60, exp: nowSec + 86_400 },
        (await KeyRing.generate()).current,
      );
      expect(await checkToken(forged)).toMatchObject({ kind: 'invalid', reason: 'unknown-kid' });
      // Without a status list (a cache from before cards), a card is refused offline, never passed.
      saveJwks(ring.jwks());
      expect(await checkToken(await card(green))).toMatchObject({ kind: 'invalid', reason: 'no-card-status' });
    });

    it('verifies a valid token on the device with no network, and queues the scan', async () => {
      saveJwks(JSON.parse(JSON.stringify(ring.jwks())));
      const token = await ring.sign({ cid: generateCodeId(), col: 'yellow', rsv: 1 });
      expect(await checkToken(token)).toEqual({
        kind: 'valid',
        color: 'yellow',
        by: 'device',
        admitted: null,
        superseded: false,
      });
      expect(taroRequest).not.toHaveBeenCalled();
      expect(readQueue().map((s) => s.token)).toEqual([token]);
    });

    it('shows a tampered, expired or foreign-key token as invalid, never as a colour', async () => {
      saveJwks(ring.jwks());
      const red = await ring.sign({ cid: generateCodeId(), col: 'red', rsv: 1 });
      expect(await checkToken(tamper(red))).toMatchObject({ kind: 'invalid', reason: 'bad-signature' });
      const past = Math.floor(Date.now() / 1000) - 3600;
      const old = await ring.sign({ cid: generateCodeId(), col: 'green', rsv: 1, iat: past, exp: past + 300 });
      expect(await checkToken(old)).toMatchObject({ kind: 'invalid', reason: 'expired' });
      const other = await KeyRing.generate();
      expect(await checkToken(await other.sign({ cid: generateCodeId(), col: 'green', rsv: 1 }))).toMatchObject({
        kind: 'invalid',
        reason: 'unknown-kid',
      });
      expect(await checkToken('not a token')).toMatchObject({ kind: 'invalid', reason: 'malformed' });
    });

    it("verifies a trusted peer's code offline with its region, and refuses suspended and unknown issuers", async () => {
      const peer = await KeyRing.generate();
      const nowSec = Math.floor(Date.now() / 1000);
      const entry = { region: '34', jwks: peer.jwks(), nbf: nowSec - 60, exp: nowSec + 3600 };
      const trustList = await signTrustList(
        {
          iss: 'cn-33',
          region: '33',
          iat: nowSec,
          issuers: [
            { iss: 'cn-34', status: 'active', ...entry },
            { iss: 'cn-35', status: 'suspended', ...entry, jwks: (await KeyRing.generate()).jwks() },
          ],
        },
        ring.current,
      );
      saveJwks(ring.jwks(), new Date(), trustList);
      const token = await peer.sign({ cid: generateCodeId(), col: 'green', rsv: 1, iss: 'cn-34' });
      expect(await checkToken(token)).toEqual({
        kind: 'valid',
        color: 'green',
        by: 'device',
        admitted: null,
        superseded: false,
        issuer: { id: 'cn-34', region: '34' },
      });
      expect(
        await checkToken(await peer.sign({ cid: generateCodeId(), col: 'green', rsv: 1, iss: 'cn-35' })),
      ).toMatchObject({ kind: 'invalid', reason: 'issuer-suspended' });
      expect(
        await checkToken(await peer.sign({ cid: generateCodeId(), col: 'green', rsv: 1, iss: 'cn-44' })),
      ).toMatchObject({ kind: 'invalid', reason: 'unknown-issuer' });
      // A trust list signed by someone else is ignored: peers' codes are then unknown keys.
      const forgedList = await signTrustList(
        { iss: 'cn-33', region: '33', iat: nowSec, issuers: [{ iss: 'cn-34', status: 'active', ...entry }] },
        peer.current,
      );
      saveJwks(ring.jwks(), new Date(), forgedList);
      expect(await checkToken(token)).toMatchObject({ kind: 'invalid', reason: 'unknown-kid' });
      // Own codes still verify.
      expect(await checkToken(await ring.sign({ cid: generateCodeId(), col: 'green', rsv: 1 }))).toMatchObject({
        kind: 'valid',
      });
    });

    it('says so when the device has no keys yet', async () => {
      const token = await ring.sign({ cid: generateCodeId(), col: 'green', rsv: 1 });
      expect(await checkToken(token)).toEqual({ kind: 'invalid', reason: 'no-keys', by: 'device' });
    });
  });

  describe('online (WeChat and Alipay: no Web Crypto)', () => {
    const online = { offline: false } as const;

    it('asks the scan API with the device credential', async () => {
      taroRequest.mockResolvedValueOnce({
        statusCode: 200,
        data: { color: 'green', admitted: true, reason: 'admitted', superseded: false },
      });
      expect(await checkToken('a.b.c', { verifier: online })).toMatchObject({
        kind: 'valid',
        color: 'green',
        by: 'server',
        admitted: true,
      });
      const call = taroRequest.mock.calls[0][0];
      expect(call).toMatchObject({
        url: `/api/v1/checkpoints/${DEVICE.checkpointId}/scans`,
        method: 'POST',
        header: { Authorization: 'Device cred.secret' },
      });
      expect(call.data).toMatchObject({ token: 'a.b.c' });
      expect(readQueue()).toEqual([]);
    });

    it('without a network, queues the scan and reports it as NOT verified', async () => {
      taroRequest.mockRejectedValueOnce({ errMsg: 'request:fail' });
      expect(await checkToken('a.b.c', { verifier: online })).toEqual({ kind: 'unverified' });
      expect(readQueue()).toHaveLength(1);
    });

    it('shows the API message for a refused credential instead of a verdict', async () => {
      taroRequest.mockResolvedValueOnce({
        statusCode: 401,
        data: {
          statusCode: 401,
          code: 'UNAUTHENTICATED',
          message: 'This device credential is unknown, revoked or wrong',
        },
      });
      await expect(checkToken('a.b.c', { verifier: online })).rejects.toMatchObject({
        message: 'This device credential is unknown, revoked or wrong',
      });
    });
  });

  describe('uploads', () => {
    function queue(n: number) {
      const scans = Array.from({ length: n }, (_, i) => newScan(`t.${i}.s`));
      storage.set('hc.checkpoint.queue', scans);
      return scans;
    }

    it('uploads in batches of 100 and keeps each clientScanId', async () => {
      const scans = queue(150);
      taroRequest.mockImplementation(async ({ data }: { data: { scans: { clientScanId: string }[] } }) => ({
        statusCode: 200,
        data: {
          stored: data.scans.length,
          results: data.scans.map((s) => ({
            clientScanId: s.clientScanId,
            color: 'green',
            admitted: true,
            reason: 'admitted',
            superseded: false,
          })),
        },
      }));
      expect(await uploadQueue()).toEqual({ uploaded: 150, dropped: 0, refused: [], remaining: 0 });
      expect(taroRequest.mock.calls.map((c) => c[0].data.scans.length)).toEqual([100, 50]);
      expect(taroRequest.mock.calls[0][0].url).toBe(`/api/v1/checkpoints/${DEVICE.checkpointId}/scans/batch`);
      expect(taroRequest.mock.calls[0][0].data.scans[0]).toEqual(scans[0]);
      expect(readQueue()).toEqual([]);
    });

    it('keeps the queue when offline, to send the same scans (same ids) again later', async () => {
      const scans = queue(3);
      taroRequest.mockRejectedValue({ errMsg: 'request:fail' });
      await expect(uploadQueue()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
      expect(readQueue()).toEqual(scans);
    });

    it('drops only the items the API names as malformed', async () => {
      const scans = queue(3);
      taroRequest
        .mockResolvedValueOnce({
          statusCode: 400,
          data: {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'bad',
            errors: [{ path: 'scans.1.scannedAt', message: 'x' }],
          },
        })
        .mockImplementationOnce(async ({ data }: { data: { scans: { clientScanId: string }[] } }) => ({
          statusCode: 200,
          data: {
            stored: 2,
            results: data.scans.map((s) => ({
              clientScanId: s.clientScanId,
              color: null,
              admitted: false,
              reason: 'malformed',
              superseded: false,
            })),
          },
        }));
      expect(await uploadQueue()).toEqual({ uploaded: 2, dropped: 1, refused: [], remaining: 0 });
      expect(taroRequest.mock.calls[1][0].data.scans.map((s: { clientScanId: string }) => s.clientScanId)).toEqual([
        scans[0].clientScanId,
        scans[2].clientScanId,
      ]);
    });
  });

  it('keeps why the API refused an offline scan, for the operator, and takes it off the queue', async () => {
    const scans = [newScan('tok.en.one', new Date('2020-02-10T08:00:00Z')), newScan('tok.en.two')];
    storage.set('hc.checkpoint.queue', scans);
    const message = 'This scan was uploaded more than 72 hours after the code expired; it was not stored.';
    taroRequest.mockResolvedValueOnce({
      statusCode: 200,
      data: {
        stored: 1,
        results: [
          {
            clientScanId: scans[0].clientScanId,
            color: null,
            admitted: false,
            reason: 'offline-window-passed',
            superseded: false,
            refused: true,
            message,
          },
          { clientScanId: scans[1].clientScanId, color: 'green', admitted: true, reason: 'ok', superseded: false },
        ],
      },
    });
    const refused = {
      clientScanId: scans[0].clientScanId,
      scannedAt: '2020-02-10T08:00:00.000Z',
      reason: 'offline-window-passed',
      message,
    };
    expect(await uploadQueue()).toEqual({ uploaded: 2, dropped: 0, refused: [refused], remaining: 0 });
    expect(readRefusedScans()).toEqual([refused]);
    expect(readQueue()).toEqual([]);
  });

  it('verifies offline on H5 (also the jest/tsc fallback) and online on WeChat and Alipay', () => {
    expect(codeVerifier.offline).toBe(true);
    expect(weappVerifier.offline).toBe(false);
    expect(alipayVerifier.offline).toBe(false);
  });
});
