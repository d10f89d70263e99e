import {
  addDays,
  ApiErrorCode,
  cstDate,
  type MyScan,
  type OfflineScanRefusal,
  type ScanBatchItemResult,
  type ScanBatchResponse,
  type ScanRequest,
  type ScanResponse,
} from '@healthcode/contracts';
import { type IssuedTokenVerifyResult, tokenTypeOf, withOwnIssuer } from '@healthcode/qr-token';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { bufferToUuid } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { PrintedCardRepository } from '../card/printed-card.repository';
import { CodeService } from '../code/code.service';
import { CodeSignerService } from '../keys/code-signer.service';
import { MetricsService } from '../metrics/metrics.service';
import { PeerTrustStore } from '../trust/peer-trust.store';
import { cardScanVerdict } from './card-scan-verdict.util';
import type { ScanningCheckpoint } from './device-auth.service';
import { offlineScanRefusal } from './offline-scan-bounds.util';
import { OFFLINE_SCAN_REFUSAL_MESSAGES, SCAN_CLOCK_SKEW_SEC, SCAN_REJECTION_MESSAGES } from './scan-rejection.constant';
import { SCAN_SETTINGS, type ScanSettings } from './scan-settings.util';
import { type CodeState, peerScanVerdict, scanVerdict, type ScanVerdict } from './scan-verdict.util';
import { ScanWriterService } from './scan-writer.service';
import { type CodeLookup, ScanRepository, type ScanRow } from './scan.repository';

/** Batch tokens are verified in slices, yielding between them, so one upload of 500 does not hold the event loop. */
const BATCH_SLICE = 50;

/** Scanning: verify the token, answer with the current colour and the checkpoint's policy, record the minimum. */
@Injectable()
export class ScanService {
  constructor(
    private readonly signer: CodeSignerService,
    private readonly trust: PeerTrustStore,
    private readonly scans: ScanRepository,
    private readonly writer: ScanWriterService,
    private readonly codeService: CodeService,
    private readonly clock: Clock,
    @Inject(SCAN_SETTINGS) private readonly settings: ScanSettings,
    private readonly metrics: MetricsService,
    private readonly cards: PrintedCardRepository,
  ) {}

  /** Answers only after the scan is committed; a refused token is recorded (counted) and then answered 422. */
  async scan(checkpoint: ScanningCheckpoint, request: ScanRequest): Promise<ScanResponse> {
    const now = this.clock.now();
    const verdict = await this.judge(checkpoint, request.token, now, now);
    await this.writer.write(toRow(checkpoint.id, request, verdict, now));
    this.metrics.scans.inc({ outcome: scanOutcome(verdict) });
    if (verdict.rejection)
      throw new DomainException(ApiErrorCode.ScanRejected, SCAN_REJECTION_MESSAGES[verdict.rejection]);
    return answer(verdict);
  }

  /**
   * An offline device's upload. Each token is judged as of its scan time (never later than now), so a code
   * that was valid when shown is not refused for the upload's delay. A scan time outside [token issue − skew,
   * upload], or an upload more than the offline window past the token's expiry, is refused for that entry and
   * nothing is stored for it, so a device cannot back-date scans or replay old tokens. Replays store nothing twice.
   */
  async batch(checkpoint: ScanningCheckpoint, requests: readonly ScanRequest[]): Promise<ScanBatchResponse> {
    const now = this.clock.now();
    const verified: IssuedTokenVerifyResult[] = [];
    for (let i = 0; i < requests.length; i += BATCH_SLICE) {
      const slice = requests.slice(i, i + BATCH_SLICE);
      const results = slice.map((r) => this.verify(r.token, scannedAt(r, now)));
      // Peers' tokens (unknown kids) verify asynchronously; own ones are already done.
      verified.push(
        ...(results.some((r) => r instanceof Promise)
          ? await Promise.all(results)
          : (results as IssuedTokenVerifyResult[])),
      );
      // Synchronous verification: yield between slices so one upload of 500 does not hold the event loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Printed cards are judged one by one below: they live 90 days, so no offline window applies to them.
    const isCard = requests.map((r) => tokenTypeOf(r.token) === 'card');
    const refusals = requests.map((r, i) =>
      isCard[i] ? null : offlineScanRefusal(verified[i], new Date(r.scannedAt), now, this.settings.offlineWindowHours),
    );
    // One lookup for the whole upload instead of one per scan.
    const cids = verified.flatMap((v, i) => (v.ok && v.issuer.own && !refusals[i] ? [v.claims.cid] : []));
    const found = await this.scans.findCodes([...new Set(cids)]);
    const verdicts: (ScanVerdict | null)[] = [];
    for (const [i, v] of verified.entries()) {
      if (isCard[i])
        verdicts.push(await this.judgeCard(checkpoint, requests[i].token, scannedAt(requests[i], now), now));
      else if (refusals[i]) verdicts.push(null);
      else if (v.ok && !v.issuer.own) verdicts.push(peerScanVerdict(v.claims, v.issuer, checkpoint.peerAdmits));
      else
        verdicts.push(
          scanVerdict(v, v.ok ? await this.current(found.get(v.claims.cid) ?? null, now) : null, checkpoint.admits),
        );
    }
    const rows = requests.flatMap((r, i) => {
      const verdict = verdicts[i];
      return verdict ? [toRow(checkpoint.id, r, verdict, now)] : [];
    });
    const stored = await this.scans.insertIgnore(rows);
    for (const v of verdicts) this.metrics.scans.inc({ outcome: v ? scanOutcome(v) : 'refused' });
    const results = requests.map((r, i): ScanBatchItemResult => {
      const verdict = verdicts[i];
      return verdict ? { clientScanId: r.clientScanId, ...answer(verdict) } : refusedEntry(r, refusals[i]!);
    });
    return { results, stored };
  }

  /** A resident's own scans, found through their tokens' links, with the date each will be deleted. */
  async myScans(residentId: string): Promise<{ items: MyScan[] }> {
    const rows = await this.scans.listForResident(residentId);
    return {
      items: rows.map((s) => ({
        checkpointName: s.name,
        checkpointKind: s.kind,
        place: s.place,
        region: s.region,
        scannedAt: s.scannedAt.toISOString(),
        color: s.color,
        admitted: s.admitted,
        reason: s.reason,
        shownWith: s.byCard ? 'card' : 'code',
        deleteOn: addDays(cstDate(s.scannedAt), this.settings.retentionDays),
      })),
    };
  }

  private async judge(checkpoint: ScanningCheckpoint, token: string, at: Date, now: Date): Promise<ScanVerdict> {
    if (tokenTypeOf(token) === 'card') return this.judgeCard(checkpoint, token, at, now);
    const pending = this.verify(token, at);
    const verified = pending instanceof Promise ? await pending : pending;
    if (verified.ok && !verified.issuer.own)
      return peerScanVerdict(verified.claims, verified.issuer, checkpoint.peerAdmits);
    const code = verified.ok ? await this.current(await this.scans.findCode(verified.claims.cid), now) : null;
    return scanVerdict(verified, code, checkpoint.admits);
  }

  /** A printed card: its row decides whether it still works, its holder's code gives the colour. */
  private async judgeCard(checkpoint: ScanningCheckpoint, token: string, at: Date, now: Date): Promise<ScanVerdict> {
    const verified = this.signer.verifyCard(token, { now: at, clockToleranceSec: SCAN_CLOCK_SKEW_SEC });
    const own = this.trust.ownIssuer.iss;
    const card = verified.ok && verified.claims.iss === own ? await this.cards.find(verified.claims.crd) : null;
    const live = card && !card.revokedAt && card.expiresAt.getTime() > at.getTime();
    const code = live ? await this.current(await this.scans.findCode(card.cardId), now) : null;
    return cardScanVerdict(verified, own, card, code, checkpoint.admits, at);
  }

  /**
   * Own tokens stay on the synchronous node:crypto path (no promise, no trust list); only a kid that is not ours
   * goes to the trusted peers (`PeerTrustStore`), asynchronously.
   */
  private verify(token: string, at: Date): IssuedTokenVerifyResult | Promise<IssuedTokenVerifyResult> {
    const own = this.signer.verify(token, { now: at, clockToleranceSec: SCAN_CLOCK_SKEW_SEC });
    if (own.ok || own.error !== 'unknown-kid') return withOwnIssuer(own, this.trust.ownIssuer);
    return this.trust.verifyPeer(token, at);
  }

  /** The code's colour now; a code that time alone has changed (a greenAt passed) is re-evaluated first. */
  private async current(found: CodeLookup | null, now: Date): Promise<CodeState | null> {
    if (!found) return null;
    if (!found.staleAt || found.staleAt.getTime() > now.getTime()) return found;
    const row = await this.codeService.rescoreOne(bufferToUuid(found.residentId), 'expiry', `expiry:${cstDate(now)}`);
    return row ? { color: row.color, codeVersion: row.codeVersion } : null;
  }
}

function scannedAt(request: ScanRequest, now: Date): Date {
  const at = new Date(request.scannedAt);
  return at.getTime() > now.getTime() ? now : at;
}

function toRow(checkpointId: string, request: ScanRequest, verdict: ScanVerdict, now: Date): ScanRow {
  return {
    checkpointId,
    clientScanId: request.clientScanId,
    codeId: verdict.codeId,
    color: verdict.color,
    admitted: verdict.admitted,
    reason: verdict.reason,
    scannedAt: scannedAt(request, now),
  };
}

/** The `outcome` label of hc_scans_total. */
function scanOutcome(v: ScanVerdict): 'admitted' | 'not-admitted' | 'refused' {
  if (v.rejection) return 'refused';
  return v.admitted ? 'admitted' : 'not-admitted';
}

function refusedEntry(request: ScanRequest, refusal: OfflineScanRefusal): ScanBatchItemResult {
  return {
    clientScanId: request.clientScanId,
    color: null,
    admitted: false,
    reason: refusal,
    superseded: false,
    refused: true,
    message: OFFLINE_SCAN_REFUSAL_MESSAGES[refusal],
  };
}

function answer(v: ScanVerdict): ScanResponse {
  const base = { color: v.color, admitted: v.admitted, reason: v.reason, superseded: v.superseded };
  return v.issuer ? { ...base, issuer: v.issuer } : base;
}
