import { type AuditEntryView, type AuditQuery, type AuditVerifyResult } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock } from '../clock/clock';
import { CodeSignerService } from '../keys/code-signer.service';
import type { AuditActor } from './audit-actor.util';
import { AuditChainVerifier } from './audit-chain-verifier.util';
import { assertNoPersonalData, MAX_DETAILS_BYTES } from './audit-details.util';
import type { AuditEntryEntity } from './audit-entry.entity';
import { canonicalJson, entryHash } from './audit-hash.util';
import { AuditErrorCode, AuditException } from './audit.exception';
import { AuditHeadSignatureRepository } from './audit-head-signature.repository';
import { AuditRepository } from './audit.repository';
import { SignedHeads } from './signed-heads.util';

export interface AuditRecord {
  actor: AuditActor;
  /** Dotted verb: `staff.created`, `rules.published`, `risk-level.set`, `appeal.decided`, `import.applied`… */
  action: string;
  target: { type: string; id?: string | null };
  /** The region the change concerns (scoped auditors see only entries in their regions). */
  region?: string | null;
  /** What changed. Never personal data: names, ID and phone numbers, secrets are refused. */
  details?: Record<string, unknown>;
}

const ACTION = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const VERIFY_BATCH = 2_000;

/**
 * The tamper-evident audit log. `record` appends inside the caller's transaction, so an entry exists
 * exactly when the change it describes was committed; the chain-head row lock serialises writers.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
    private readonly signatures: AuditHeadSignatureRepository,
    private readonly signer: CodeSignerService,
  ) {}

  /**
   * Appends one entry. Pass the `EntityManager` of the transaction that makes the change; without one the
   * entry gets its own transaction (for changes that are not database writes, like a key rotation).
   */
  async record(input: AuditRecord, manager?: EntityManager): Promise<AuditEntryView> {
    // Hash exactly what the JSON column will give back (Dates become strings, Buffers objects, undefined goes).
    const record = { ...input, details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown> };
    this.validate(record);
    if (!manager) return this.repo.transaction((m) => this.append(m, record));
    if (!manager.queryRunner?.isTransactionActive) {
      throw new AuditException(
        AuditErrorCode.NoTransaction,
        'AuditService.record needs the EntityManager of an open transaction',
      );
    }
    return this.append(manager, record);
  }

  async list(
    query: AuditQuery,
    scope: string,
  ): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
    const { items, total } = await this.repo.list(
      {
        action: query.action,
        actorId: query.actorId,
        targetType: query.targetType,
        targetId: query.targetId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        scope,
      },
      query.page,
      query.pageSize,
    );
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Recomputes the whole chain up to the current head, in batches, checks it against every chain head the
   * deployment signed (audit_head_signatures), and names the first broken entry.
   */
  async verify(): Promise<AuditVerifyResult> {
    const head = await this.repo.head();
    if (!head) throw new Error('audit_chain_head has no row: run the migrations');
    const verifier = new AuditChainVerifier();
    const signed = await SignedHeads.load(await this.signatures.all(), this.signer.keyRing.resolveKey);
    let after = 0;
    for (;;) {
      const batch = await this.repo.batchAfter(after, head.seq, VERIFY_BATCH);
      let intact = true;
      for (const e of batch) {
        intact = verifier.feed(e);
        const mismatch = intact ? signed.mismatch(e) : null;
        if (mismatch) {
          verifier.reject(mismatch);
          intact = false;
        }
        if (!intact) break;
      }
      if (!intact || batch.length < VERIFY_BATCH) break;
      after = batch[batch.length - 1].seq;
    }
    const beyond = signed.beyond(head.seq);
    if (beyond) verifier.reject(beyond);
    if (signed.invalid) verifier.reject(signed.invalid);
    const firstBroken = verifier.finish(head);
    return {
      ok: firstBroken === null,
      checked: verifier.checked,
      head: { seq: head.seq, hash: head.hash.toString('hex') },
      signatures: signed.summary,
      firstBroken,
      verifiedAt: this.clock.now().toISOString(),
    };
  }

  private async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntryView> {
    const head = await this.repo.lockHead(manager);
    const fields = {
      seq: head.seq + 1,
      at: this.clock.now(),
      actorKind: record.actor.kind,
      actorId: record.actor.kind === 'staff' ? record.actor.staffId : null,
      actorRole: record.actor.kind === 'staff' ? record.actor.role : record.actor.job,
      action: record.action,
      targetType: record.target.type,
      targetId: record.target.id ?? null,
      region: record.region ?? null,
      details: record.details ?? {},
    };
    const entry: AuditEntryEntity = { ...fields, prevHash: head.hash, hash: entryHash(head.hash, fields) };
    await this.repo.append(manager, entry);
    return toView(entry);
  }

  private validate(record: AuditRecord): void {
    if (!ACTION.test(record.action) || record.action.length > 64) {
      throw new AuditException(
        AuditErrorCode.InvalidEntry,
        'action must be a dotted verb such as staff.created (at most 64 characters)',
      );
    }
    if (
      record.actor.kind === 'staff' &&
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(String(record.actor.staffId))
    ) {
      throw new AuditException(AuditErrorCode.InvalidEntry, 'a staff actor needs the staff id (lower-case UUID)');
    }
    if (record.actor.kind === 'system' && !/^[a-z][a-z0-9-]{0,31}$/.test(String(record.actor.job)))
      throw new AuditException(AuditErrorCode.InvalidEntry, 'a system actor needs a short job name');
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(record.target.type))
      throw new AuditException(AuditErrorCode.InvalidEntry, 'target.type must be a short lower-case noun');
    if (record.target.id != null && !/^[A-Za-z0-9:._-]{1,64}$/.test(record.target.id)) {
      throw new AuditException(AuditErrorCode.InvalidEntry, 'target.id must be at most 64 letters, digits and :._-');
    }
    if (record.region != null && !/^\d{0,6}$/.test(record.region))
      throw new AuditException(AuditErrorCode.InvalidEntry, 'region must be a GB/T 2260 prefix');
    assertNoPersonalData(record.details ?? {});
    if (Buffer.byteLength(canonicalJson(record.details ?? {})) > MAX_DETAILS_BYTES) {
      throw new AuditException(
        AuditErrorCode.InvalidEntry,
        `details must serialise to at most ${MAX_DETAILS_BYTES} bytes`,
      );
    }
  }
}

function toView(e: AuditEntryEntity): AuditEntryView {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actor: { kind: e.actorKind, id: e.actorId, role: e.actorRole },
    action: e.action,
    target: { type: e.targetType, id: e.targetId },
    region: e.region,
    details: e.details,
    prevHash: e.prevHash.toString('hex'),
    hash: e.hash.toString('hex'),
  };
}
