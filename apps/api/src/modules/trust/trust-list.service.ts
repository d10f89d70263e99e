import {
  ApiErrorCode,
  type OwnIssuerView,
  type TrustedIssuerAddRequest,
  type TrustedIssuerKeyUpdateRequest,
  type TrustedIssuerListResponse,
  type TrustedIssuerView,
} from '@healthcode/contracts';
import { buildJwks, type JSONWebKeySet, type JWK } from '@healthcode/qr-token';
import { Inject, Injectable } from '@nestjs/common';
import { calculateJwkThumbprint } from 'jose';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { isUuid, newId } from '../../database/uuid-binary.transformer';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { IssuerDocumentFetcher } from './issuer-document.fetcher';
import { PeerTrustStore } from './peer-trust.store';
import type { TrustedIssuerEntity } from './trusted-issuer.entity';
import { TrustedIssuerRepository } from './trusted-issuer.repository';
import { TrustPublicationService } from './trust-publication.service';

/**
 * The trust list: administrators add peer issuers (keys fetched from a signed issuer document, or pasted), a
 * second administrator approves, anyone of them suspends or removes. Widening trust (adding, reinstating) always
 * takes two people; narrowing it takes one. Every change is audited in its own transaction.
 */
@Injectable()
export class TrustListService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: TrustedIssuerRepository,
    private readonly fetcher: IssuerDocumentFetcher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: PeerTrustStore,
    private readonly publication: TrustPublicationService,
  ) {}

  async list(baseUrl: string): Promise<TrustedIssuerListResponse> {
    const rows = await this.repo.list();
    return { own: this.own(baseUrl), items: rows.map(view) };
  }

  own(baseUrl: string): OwnIssuerView {
    const base = this.config.issuer.publicUrl ?? baseUrl;
    return {
      issuerId: this.config.issuer.id,
      region: this.config.issuer.region,
      contact: this.config.issuer.contact,
      documentUrl: `${base}/.well-known/healthcode-issuer`,
      jwksUrl: `${base}/.well-known/jwks.json`,
    };
  }

  async add(staff: StaffPrincipal, input: TrustedIssuerAddRequest): Promise<TrustedIssuerView> {
    if (input.issuerId === this.config.issuer.id) {
      throw new DomainException(ApiErrorCode.ValidationFailed, 'This is our own issuer id: it is always trusted', [
        { path: 'issuerId', message: 'This is our own issuer id' },
      ]);
    }
    const peer =
      input.source === 'document'
        ? await this.fetcher.fetch(input.documentUrl, input.issuerId)
        : { region: input.region, contact: input.contact, jwks: await pastedKeys(input.jwks.keys as JWK[]) };
    const now = this.clock.now();
    const row: TrustedIssuerEntity = {
      id: newId(),
      issuerId: input.issuerId,
      region: peer.region,
      contact: peer.contact,
      source: input.source,
      documentUrl: input.source === 'document' ? input.documentUrl : null,
      jwks: peer.jwks,
      status: 'pending',
      notBefore: new Date(input.notBefore),
      notAfter: new Date(input.notAfter),
      requestedBy: staff.staffId,
      requestedAt: now,
      approvedBy: null,
      approvedAt: null,
      suspendedReason: null,
      pendingJwks: null,
      keysRequestedBy: null,
      keysRequestedAt: null,
      version: 0,
    };
    await this.repo.transaction(async (m) => {
      if (!(await this.repo.insert(m, row))) {
        throw new DomainException(ApiErrorCode.Conflict, 'This issuer is already on the trust list');
      }
      await this.record(m, staff, 'trusted-issuer.added', row, {
        source: row.source,
        region: row.region,
        kids: kidsOf(row),
        notBefore: row.notBefore.toISOString(),
        notAfter: row.notAfter.toISOString(),
      });
    });
    return view(row);
  }

  approve(staff: StaffPrincipal, id: string): Promise<TrustedIssuerView> {
    return this.change(staff, id, 'trusted-issuer.approved', (row) => {
      if (row.status !== 'pending') throw illegal('Only a pending entry can be approved');
      if (row.requestedBy === staff.staffId) {
        throw new DomainException(
          ApiErrorCode.Forbidden,
          'A second administrator must approve: you asked for this trust yourself',
        );
      }
      return { status: 'active', approvedBy: staff.staffId, approvedAt: this.clock.now(), suspendedReason: null };
    });
  }

  suspend(staff: StaffPrincipal, id: string, reason: string): Promise<TrustedIssuerView> {
    return this.change(
      staff,
      id,
      'trusted-issuer.suspended',
      (row) => {
        if (row.status !== 'active') throw illegal('Only an active entry can be suspended');
        return { status: 'suspended', suspendedReason: reason };
      },
      { reason },
    );
  }

  /** Back to pending: trusting again takes a second administrator, like the first time. */
  reinstate(staff: StaffPrincipal, id: string, reason: string): Promise<TrustedIssuerView> {
    return this.change(
      staff,
      id,
      'trusted-issuer.reinstate-requested',
      (row) => {
        if (row.status !== 'suspended') throw illegal('Only a suspended entry can be reinstated');
        return {
          status: 'pending',
          requestedBy: staff.staffId,
          requestedAt: this.clock.now(),
          approvedBy: null,
          approvedAt: null,
        };
      },
      { reason },
    );
  }

  /**
   * The peer rotated its signing keys: its new keys are fetched again from the document URL pinned when it was added,
   * or pasted (offline exchange). They wait beside the pinned keys, which stay in force, until a second administrator
   * approves: a new key widens trust, so it takes two people, like adding the peer did.
   */
  async requestKeys(
    staff: StaffPrincipal,
    id: string,
    input: TrustedIssuerKeyUpdateRequest,
  ): Promise<TrustedIssuerView> {
    const current = await this.repo.find(this.checkId(id));
    if (!current) throw notFound();
    let jwks: JSONWebKeySet;
    if (input.source === 'document') {
      if (!current.documentUrl) {
        throw new DomainException(
          ApiErrorCode.ValidationFailed,
          'This peer was added with pasted keys, not a document URL: paste its new keys',
          [{ path: 'source', message: 'This peer has no document URL' }],
        );
      }
      jwks = (await this.fetcher.fetch(current.documentUrl, current.issuerId)).jwks;
    } else {
      jwks = await pastedKeys(input.jwks.keys as JWK[]);
    }
    const kids = kidsOfSet(jwks);
    if (sameKids(kids, kidsOf(current))) {
      throw new DomainException(
        ApiErrorCode.Conflict,
        'These are the keys already pinned for this peer: nothing changes',
      );
    }
    return this.change(
      staff,
      current.id,
      'trusted-issuer.keys-requested',
      () => ({ pendingJwks: jwks, keysRequestedBy: staff.staffId, keysRequestedAt: this.clock.now() }),
      { reason: input.reason, source: input.source, kids, pinnedKids: kidsOf(current) },
    );
  }

  approveKeys(staff: StaffPrincipal, id: string): Promise<TrustedIssuerView> {
    return this.change(staff, id, 'trusted-issuer.keys-approved', (row) => {
      if (!row.pendingJwks) throw illegal('No new keys are waiting for approval');
      if (row.keysRequestedBy === staff.staffId) {
        throw new DomainException(
          ApiErrorCode.Forbidden,
          'A second administrator must approve: you asked for these keys yourself',
        );
      }
      return { jwks: row.pendingJwks, pendingJwks: null, keysRequestedBy: null, keysRequestedAt: null };
    });
  }

  /** Dropping keys that wait narrows nothing in force, so one administrator may do it, with a reason. */
  discardKeys(staff: StaffPrincipal, id: string, reason: string): Promise<TrustedIssuerView> {
    return this.change(
      staff,
      id,
      'trusted-issuer.keys-discarded',
      (row) => {
        if (!row.pendingJwks) throw illegal('No new keys are waiting for approval');
        return { pendingJwks: null, keysRequestedBy: null, keysRequestedAt: null };
      },
      { reason },
    );
  }

  async remove(staff: StaffPrincipal, id: string, reason: string): Promise<{ removed: true }> {
    const found = this.checkId(id);
    await this.repo.transaction(async (m) => {
      const row = await this.repo.lock(m, found);
      if (!row) throw notFound();
      await this.repo.delete(m, row.id);
      await this.record(m, staff, 'trusted-issuer.removed', row, { reason, status: row.status });
    });
    this.changed();
    return { removed: true };
  }

  private async change(
    staff: StaffPrincipal,
    id: string,
    action: string,
    decide: (row: TrustedIssuerEntity) => Partial<TrustedIssuerEntity>,
    details: Record<string, unknown> = {},
  ): Promise<TrustedIssuerView> {
    const found = this.checkId(id);
    const updated = await this.repo.transaction(async (m) => {
      const row = await this.repo.lock(m, found);
      if (!row) throw notFound();
      const changes = { ...decide(row), version: row.version + 1 };
      await this.repo.update(m, row.id, changes);
      const next = { ...row, ...changes };
      const keys = next.jwks !== row.jwks ? { pinnedKids: kidsOf(row), kids: kidsOf(next) } : {};
      await this.record(m, staff, action, next, { ...keys, ...details, from: row.status, to: next.status });
      return next;
    });
    this.changed();
    return view(updated);
  }

  private changed(): void {
    this.store.invalidate();
    this.publication.invalidate();
  }

  private checkId(id: string): string {
    if (!isUuid(id)) throw notFound();
    return id;
  }

  private async record(
    m: EntityManager,
    staff: StaffPrincipal,
    action: string,
    row: TrustedIssuerEntity,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        actor: staffActor(staff),
        action,
        target: { type: 'trusted-issuer', id: row.id },
        details: { issuerId: row.issuerId, ...details },
      },
      m,
    );
  }
}

/** Pasted public keys, each under its own kid, or its RFC 7638 thumbprint when it has none. */
async function pastedKeys(keys: readonly JWK[]) {
  const withKids = await Promise.all(
    keys.map(async (k) => ({ ...k, kid: k.kid ?? (await calculateJwkThumbprint(k, 'sha256')) })),
  );
  return buildJwks(withKids);
}

function kidsOf(row: TrustedIssuerEntity): string[] {
  return kidsOfSet(row.jwks);
}

function kidsOfSet(jwks: JSONWebKeySet): string[] {
  return jwks.keys.map((k) => k.kid).filter((k): k is string => typeof k === 'string');
}

function sameKids(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}

function view(row: TrustedIssuerEntity): TrustedIssuerView {
  return {
    id: row.id,
    issuerId: row.issuerId,
    region: row.region,
    contact: row.contact,
    source: row.source,
    documentUrl: row.documentUrl,
    kids: kidsOf(row),
    status: row.status,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    addedBy: row.requestedBy,
    addedAt: row.requestedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt ? row.approvedAt.toISOString() : null,
    suspendedReason: row.suspendedReason,
    pendingKids: row.pendingJwks ? kidsOfSet(row.pendingJwks) : null,
    keysRequestedBy: row.keysRequestedBy,
    keysRequestedAt: row.keysRequestedAt ? row.keysRequestedAt.toISOString() : null,
  };
}

const notFound = () => new DomainException(ApiErrorCode.NotFound, 'No such trust list entry');
const illegal = (message: string) => new DomainException(ApiErrorCode.IllegalTransition, message);
