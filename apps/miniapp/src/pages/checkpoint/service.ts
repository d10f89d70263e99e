import {
  ApiErrorCode,
  type ScanBatchItemResult,
  type ScanBatchResponse,
  type ScanRequest,
  type ScanResponse,
} from '@healthcode/contracts';
import { type JSONWebKeySet, tokenTypeOf } from '@healthcode/qr-token';

import {
  type CachedJwks,
  type DeviceSettings,
  readDeviceSettings,
  readJwks,
  saveJwks,
} from '../../checkpoint/checkpoint-store';
import { type RefusedScan, rememberRefusedScans } from '../../checkpoint/refused-scans.store';
import { readQueue, writeQueue } from '../../checkpoint/scan-queue.store';
import { enqueue, newScan, rejectedIndexes, withoutIds } from '../../checkpoint/scan-queue.util';
import {
  type ScanVerdict,
  verdictFromCard,
  verdictFromDevice,
  verdictFromServer,
} from '../../checkpoint/scan-verdict.util';
import { codeVerifier } from '../../platform/code-verifier';
import type { CodeVerifier } from '../../platform/device.type';
import { isApiRequestError, NETWORK_ERROR } from '../../services/api-request-error';
import { request } from '../../services/request';
import { clock } from '../../services/clock';

/** Scans per upload: well under the API's 500, so one slow request never holds many. */
export const UPLOAD_BATCH = 100;

/** Downloads the offline bundle: the keys, the signed trust list of peer issuers and the card status list. */
export async function downloadJwks(now = clock.now()): Promise<CachedJwks> {
  const bundle = await request<{ jwks: JSONWebKeySet; trustList: string; cardStatus?: string }>(
    'GET',
    '/.well-known/healthcode-checkpoint-bundle',
    undefined,
    { fromOrigin: true, anonymous: true },
  );
  return saveJwks(
    bundle.jwks,
    now,
    typeof bundle.trustList === 'string' ? bundle.trustList : undefined,
    typeof bundle.cardStatus === 'string' ? bundle.cardStatus : undefined,
  );
}

function postScan(device: DeviceSettings, scan: ScanRequest): Promise<ScanResponse> {
  return request<ScanResponse>('POST', `/checkpoints/${encodeURIComponent(device.checkpointId)}/scans`, scan, {
    authorization: device.authorization,
  });
}

function queueScan(scan: ScanRequest): void {
  writeQueue(enqueue(readQueue(), scan));
}

const isOffline = (e: unknown) => isApiRequestError(e) && e.code === NETWORK_ERROR;

/**
 * Checks one scanned token. Offline-capable hosts (H5) verify on the device with the cached keys, queue the
 * scan and upload it later; mini-program hosts ask the scan API, and without a network they queue the scan and
 * say it is NOT verified. No path shows a colour for a token that was not verified.
 */
export async function checkToken(
  token: string,
  deps: { verifier?: CodeVerifier; now?: Date } = {},
): Promise<ScanVerdict> {
  const verifier = deps.verifier ?? codeVerifier;
  const now = deps.now ?? clock.now();
  const scan = newScan(token, now);
  if (verifier.offline) {
    const cached = readJwks();
    queueScan(scan);
    if (!cached || cached.jwks.keys.length === 0) return { kind: 'invalid', reason: 'no-keys', by: 'device' };
    if (tokenTypeOf(scan.token) === 'card') return verdictFromCard(await verifier.verifyCard(scan.token, cached, now));
    return verdictFromDevice(await verifier.verify(scan.token, cached, now));
  }
  const device = readDeviceSettings();
  if (!device) throw new Error('Checkpoint device not set up');
  try {
    return verdictFromServer(await postScan(device, scan));
  } catch (e) {
    if (!isOffline(e)) throw e;
    queueScan(scan);
    return { kind: 'unverified' };
  }
}

export interface UploadReport {
  uploaded: number;
  /** Refused by the API as malformed: dropped so they cannot block the queue. */
  dropped: number;
  /** Offline scans the API refused outright (scan time outside the token's window): why, per scan. */
  refused: RefusedScan[];
  remaining: number;
}

/** The entries the API refused outright, with when they were scanned (from the queue) for the operator. */
function refusalsOf(results: readonly ScanBatchItemResult[], batch: readonly ScanRequest[]): RefusedScan[] {
  const scannedAt = new Map(batch.map((s) => [s.clientScanId, s.scannedAt]));
  return results.flatMap((r) =>
    'refused' in r && r.refused
      ? [
          {
            clientScanId: r.clientScanId,
            scannedAt: scannedAt.get(r.clientScanId) ?? '',
            reason: r.reason,
            message: r.message,
          },
        ]
      : [],
  );
}

/**
 * Uploads queued scans in batches. Each scan keeps its clientScanId, so a batch that reached the server but
 * whose answer was lost is stored once when it is sent again. Stops at the first failure (offline: retried later).
 */
export async function uploadQueue(): Promise<UploadReport> {
  const device = readDeviceSettings();
  const report: UploadReport = { uploaded: 0, dropped: 0, refused: [], remaining: readQueue().length };
  if (!device) return report;
  for (;;) {
    const batch = readQueue().slice(0, UPLOAD_BATCH);
    if (batch.length === 0) break;
    try {
      const res = await request<ScanBatchResponse>(
        'POST',
        `/checkpoints/${encodeURIComponent(device.checkpointId)}/scans/batch`,
        { scans: batch },
        { authorization: device.authorization },
      );
      const done = new Set(res.results.map((r) => r.clientScanId));
      const refused = refusalsOf(res.results, batch);
      rememberRefusedScans(refused);
      report.refused.push(...refused);
      writeQueue(withoutIds(readQueue(), done));
      report.uploaded += done.size;
      if (done.size === 0) break;
    } catch (e) {
      if (isApiRequestError(e) && e.code === ApiErrorCode.ValidationFailed) {
        const bad = rejectedIndexes(e.errors.map((x) => x.path));
        const ids = new Set((bad.size ? batch.filter((_, i) => bad.has(i)) : batch).map((s) => s.clientScanId));
        writeQueue(withoutIds(readQueue(), ids));
        report.dropped += ids.size;
        continue;
      }
      throw e;
    }
  }
  report.remaining = readQueue().length;
  return report;
}
