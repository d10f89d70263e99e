import {
  ApiErrorCode,
  type CardRevokeReason,
  type CardSize,
  type CardView,
  type MyCardResponse,
} from '@healthcode/contracts';
import { generateCodeId } from '@healthcode/qr-token';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { isUuid } from '../../database/uuid-binary.transformer';
import { AccessLogRepository } from '../access-log/access-log.repository';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock/clock';
import { CodeSignerService } from '../keys/code-signer.service';
import type { ResidentEntity } from '../resident/resident.entity';
import { ResidentRepository } from '../resident/resident.repository';
import { isInScope } from '../security/region-scope.util';
import type { CardActor } from './card-actor.type';
import { CardPdfService } from './card-pdf.service';
import { CardStatusListService } from './card-status-list.service';
import type { PrintedCardEntity } from './printed-card.entity';
import { PrintedCardRepository } from './printed-card.repository';

const NOT_IN_SCOPE = 'No registered resident in your region scope matches';
const NO_CARD = 'There is no card in use: issue one first';

/**
 * Printed cards (issue #19): issue (a new card revokes the one in use), revoke, and the PDF. Hotline staff may act
 * only for a verified resident inside their region scope; each staff action is audited and entered in the resident's
 * access log, in the same transaction as the change.
 */
@Injectable()
export class CardService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cards: PrintedCardRepository,
    private readonly residents: ResidentRepository,
    private readonly signer: CodeSignerService,
    private readonly pdfs: CardPdfService,
    private readonly statusList: CardStatusListService,
    private readonly accessLog: AccessLogRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async current(actor: CardActor, residentId: string): Promise<MyCardResponse> {
    const resident = await this.allowed(actor, residentId);
    const card = await this.cards.active(residentId, this.clock.now());
    return { card: card ? view(card, resident) : null };
  }

  /** Issues a card; one still in use is revoked as `reissued` in the same transaction. */
  async issue(actor: CardActor, residentId: string): Promise<CardView> {
    await this.allowed(actor, residentId);
    const now = this.clock.now();
    const { card, resident, replaced } = await this.cards.transaction(async (m) => {
      const locked = await this.residents.findActiveForUpdate(m, residentId);
      if (!locked) throw new DomainException(ApiErrorCode.NotFound, NOT_IN_SCOPE);
      checkVerified(locked);
      const replaced = await this.cards.revokeActive(m, residentId, 'reissued', now);
      const card: PrintedCardEntity = {
        cardId: generateCodeId(),
        residentId,
        issuedByStaffId: actor.kind === 'staff' ? actor.staff.staffId : null,
        issuedAt: now,
        expiresAt: new Date(now.getTime() + this.config.card.validityDays * 86_400_000),
        revokedAt: null,
        revokeReason: null,
      };
      await this.cards.insert(m, card);
      await this.recordStaffAction(m, actor, residentId, 'card.issued', { replaced });
      return { card, resident: locked, replaced };
    });
    if (replaced) this.statusList.invalidate();
    return view(card, resident);
  }

  async revoke(actor: CardActor, residentId: string, reason: CardRevokeReason): Promise<MyCardResponse> {
    await this.allowed(actor, residentId);
    const now = this.clock.now();
    await this.cards.transaction(async (m) => {
      if ((await this.cards.revokeActive(m, residentId, reason, now)) === 0)
        throw new DomainException(ApiErrorCode.NotFound, 'There is no card in use to revoke');
      await this.recordStaffAction(m, actor, residentId, 'card.revoked', { reason });
    });
    this.statusList.invalidate();
    return { card: null };
  }

  /** The card in use as a PDF; its token is signed now, with the current key, for the stored id and validity. */
  async pdf(actor: CardActor, residentId: string, size: CardSize): Promise<Buffer> {
    const resident = await this.allowed(actor, residentId);
    const card = await this.cards.active(residentId, this.clock.now());
    if (!card) throw new DomainException(ApiErrorCode.NotFound, NO_CARD);
    const token = await this.signer.signCard({
      iss: this.config.issuer.id,
      crd: card.cardId,
      nbf: Math.floor(card.issuedAt.getTime() / 1000),
      exp: Math.floor(card.expiresAt.getTime() / 1000),
    });
    const pdf = await this.pdfs.render({
      maskedName: resident.nameMasked ?? '*',
      token,
      expiresAt: card.expiresAt,
      issuer: this.config.issuer.id,
      size,
    });
    if (actor.kind === 'staff')
      await this.cards.transaction((m) => this.recordStaffAction(m, actor, residentId, 'card.printed', { size }));
    return pdf;
  }

  /**
   * The resident acted for. Staff see only residents inside their scope, and one answer for "none" and "elsewhere"
   * (as a lookup), so this route never tells whether an id exists outside the scope.
   */
  private async allowed(actor: CardActor, residentId: string): Promise<ResidentEntity> {
    const resident = isUuid(residentId) ? await this.residents.findActive(residentId) : null;
    if (actor.kind === 'resident') {
      if (!resident || actor.residentId !== residentId)
        throw new DomainException(ApiErrorCode.Forbidden, 'You can act only for your own card');
      return resident;
    }
    if (!resident || !isInScope(actor.staff.regionScope, resident.currentRegion ?? resident.homeRegion))
      throw new DomainException(ApiErrorCode.NotFound, NOT_IN_SCOPE);
    checkVerified(resident);
    return resident;
  }

  private async recordStaffAction(
    m: EntityManager,
    actor: CardActor,
    residentId: string,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    if (actor.kind !== 'staff') return;
    await this.accessLog.append(
      {
        residentId,
        staffId: actor.staff.staffId,
        role: actor.staff.role,
        purpose: `hotline-call:${actor.callRef}`,
        scope: 'card',
        at: this.clock.now(),
      },
      m,
    );
    await this.audit.record(
      {
        actor: staffActor(actor.staff),
        action,
        target: { type: 'resident', id: residentId },
        region: actor.staff.regionScope || null,
        details: { ...details, purpose: 'hotline-call' },
      },
      m,
    );
  }
}

function checkVerified(resident: ResidentEntity): void {
  if (resident.verificationState !== 'verified')
    throw new DomainException(
      ApiErrorCode.VerificationRequired,
      "A card is issued only once the resident's ID number is verified",
    );
}

function view(card: PrintedCardEntity, resident: ResidentEntity): CardView {
  return {
    issuedAt: card.issuedAt.toISOString(),
    expiresAt: card.expiresAt.toISOString(),
    issuedBy: card.issuedByStaffId ? 'staff' : 'resident',
    name: resident.nameMasked ?? '*',
  };
}
