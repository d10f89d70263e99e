import {
  type AddAdultRequest,
  type AddMinorRequest,
  ApiErrorCode,
  type CareHotlineConsent,
  type CarerView,
  cstDate,
  type DependantView,
  ID_NUMBER_TAKEN_MESSAGE,
  maskName,
} from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { sealIdentity } from '../crypto/sealed-pii.util';
import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { newId } from '../../database/uuid-binary.transformer';
import { AccessLogRepository } from '../access-log/access-log.repository';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { HmacRotationService } from '../hmac-keys/hmac-rotation.service';
import { isDuplicateKeyOn } from '../identity/duplicate-key.util';
import type { ResidentEntity } from '../resident/resident.entity';
import { ResidentRepository } from '../resident/resident.repository';
import { consentFor } from '../resident/consent.constant';
import { birthDateOf, isMinorOn } from './care-age.util';
import type { CareLinkEntity } from './care-link.entity';
import { CareLinkRepository } from './care-link.repository';
import { carerView, dependantView, linkRow } from './care-link-view.util';

const notYours = () =>
  new DomainException(ApiErrorCode.DependantNotFound, 'You have no dependant or care request with this id');
const refused = (message: string) => new DomainException(ApiErrorCode.CareLinkRefused, message);

/**
 * Care links (issue #19): who may act for whom. A guardian adds a child with their declaration; an adult with the
 * app accepts a request on their own device (or consents at the hotline). Limits are counted under the resident
 * rows' locks, so concurrent adds cannot pass them. Every change is written to the dependant's access log.
 */
@Injectable()
export class CareLinkService {
  constructor(
    private readonly links: CareLinkRepository,
    private readonly residents: ResidentRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly crypto: PiiCryptoService,
    private readonly hmacs: HmacRotationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ActingForGuard: an active link from this carer to this dependant, or the reason there is none. */
  async assertActive(carerId: string, dependantId: string): Promise<void> {
    const link = await this.links.latest(carerId, dependantId);
    if (!link) throw notYours();
    if (link.status === 'pending')
      throw new DomainException(
        ApiErrorCode.CareLinkNotActive,
        'This care request is still waiting for the person’s consent; you cannot act for them yet',
      );
    if (link.status === 'removed')
      throw new DomainException(
        ApiErrorCode.CareLinkNotActive,
        'This care link was removed; you can no longer act for this person',
      );
  }

  async dependants(carerId: string): Promise<{ items: DependantView[] }> {
    return { items: (await this.links.listForCarer(carerId)).map(dependantView) };
  }

  async carers(dependantId: string): Promise<{ items: CarerView[] }> {
    return { items: (await this.links.listForDependant(dependantId)).map(carerView) };
  }

  /** A child, added by a guardian's declaration: a resident record without a host account, linked at once. */
  async addMinor(carerId: string, input: AddMinorRequest): Promise<DependantView> {
    const carer = await this.verifiedCarer(carerId);
    const version = consentFor(this.config.retention).version;
    if (input.consentVersion !== version)
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        `Read and accept the current consent text (version ${version}) first`,
        [{ path: 'consentVersion', message: `The current consent version is ${version}` }],
      );
    const birthDate = birthDateOf(input.idType, input.idNumber, input.birthDate) as string;
    if (!isMinorOn(birthDate, cstDate(this.clock.now())))
      throw refused(
        'This person is 18 or older: an adult gives consent themselves, on their own phone or at the hotline',
      );
    const idPair = this.crypto.hmacPair('id', `${input.idType}:${input.idNumber}`);
    await this.hmacs.align('id', [idPair]);
    if (carer.idHmac?.equals(idPair.current)) throw refused('You cannot add yourself as your own dependant');
    const existing = await this.residents.findActiveByIdHmac(idPair.current);
    // A child another guardian already added is linked to the same record; anyone with an account of their own
    // gets the sign-up answer, whatever that account holds.
    if (existing && existing.hostProvider !== 'care')
      throw new DomainException(ApiErrorCode.IdNumberTaken, ID_NUMBER_TAKEN_MESSAGE);
    const now = this.clock.now();
    const dependantId = existing?.id ?? newId();
    try {
      const link = await this.links.transaction(async (manager) => {
        if (!existing) await this.insertHostless(manager, dependantId, idPair.current, input, now);
        const row = linkRow(newId(), carerId, dependantId, 'minor', now);
        await this.insertWithinLimits(manager, row);
        await this.logFor(manager, carerId, dependantId, 'added as a dependant by a guardian’s declaration', now);
        return row;
      });
      return dependantView({ link, name: existing?.nameMasked ?? maskName(input.name), color: null });
    } catch (error) {
      if (isDuplicateKeyOn(error, 'uq_residents_id_hmac'))
        throw new DomainException(ApiErrorCode.IdNumberTaken, ID_NUMBER_TAKEN_MESSAGE);
      if (isDuplicateKeyOn(error, 'uq_care_links_live'))
        throw refused('This person is already your dependant, or your request waits for them');
      throw error;
    }
  }

  /**
   * An adult without a phone, consenting on a hotline call (the agent's filing, in the caller's transaction): a
   * host-less record and a pending link, which the supervisor's approval of the identity check activates
   * (`confirmHotline`). Returns the new dependant's id.
   */
  async addHostlessAdultIn(manager: EntityManager, carerId: string, input: CareHotlineConsent): Promise<string> {
    const carer = await this.verifiedCarer(carerId, true);
    const birthDate = birthDateOf(input.idType, input.idNumber, input.birthDate) as string;
    if (isMinorOn(birthDate, cstDate(this.clock.now())))
      throw refused('This person is under 18: add them as a child, with your declaration as their guardian');
    const idPair = this.crypto.hmacPair('id', `${input.idType}:${input.idNumber}`);
    await this.hmacs.align('id', [idPair]);
    if (carer.idHmac?.equals(idPair.current)) throw refused('You cannot add yourself as your own dependant');
    if (await this.residents.findActiveByIdHmac(idPair.current))
      throw new DomainException(ApiErrorCode.IdNumberTaken, ID_NUMBER_TAKEN_MESSAGE);
    const now = this.clock.now();
    const dependantId = newId();
    const consentVersion = consentFor(this.config.retention).version;
    try {
      await this.insertHostless(manager, dependantId, idPair.current, { ...input, consentVersion }, now);
      await this.insertWithinLimits(manager, linkRow(newId(), carerId, dependantId, 'adult', now));
    } catch (error) {
      if (isDuplicateKeyOn(error, 'uq_residents_id_hmac'))
        throw new DomainException(ApiErrorCode.IdNumberTaken, ID_NUMBER_TAKEN_MESSAGE);
      throw error;
    }
    await this.logFor(manager, carerId, dependantId, 'asked at the hotline to become your carer', now);
    return dependantId;
  }

  /** The supervisor approved the identity check of a host-less adult: their pending hotline links become active. */
  async confirmHotline(manager: EntityManager, dependantId: string, staffId: string, at: Date): Promise<void> {
    for (const link of await this.links.pendingHostless(manager, dependantId)) {
      await this.links.update(manager, link.id, {
        status: 'active',
        consentMethod: 'hotline',
        confirmedAt: at,
        confirmedByStaff: staffId,
      });
      await this.logFor(manager, link.carerId, dependantId, 'became your carer with your consent at the hotline', at);
    }
  }

  /** The supervisor refused it: the pending links go (the unverified record has no code and no carer). */
  async dropHotline(manager: EntityManager, dependantId: string, at: Date): Promise<void> {
    for (const link of await this.links.pendingHostless(manager, dependantId))
      await this.links.update(manager, link.id, { status: 'removed', live: null, removedAt: at, removedBy: null });
  }

  /** An adult with the app: a pending request they accept or refuse on their own device. */
  async requestAdult(carerId: string, input: AddAdultRequest): Promise<DependantView> {
    const carer = await this.verifiedCarer(carerId);
    const idPair = this.crypto.hmacPair('id', `${input.idType}:${input.idNumber}`);
    await this.hmacs.align('id', [idPair]);
    if (carer.idHmac?.equals(idPair.current)) throw refused('You cannot add yourself as your own dependant');
    const birthDate = birthDateOf(input.idType, input.idNumber);
    if (birthDate && isMinorOn(birthDate, cstDate(this.clock.now())))
      throw refused('This person is under 18: add them as a child, with your declaration as their guardian');
    const target = await this.residents.findActiveByIdHmac(idPair.current);
    if (!target || target.verificationState !== 'verified')
      throw new DomainException(
        ApiErrorCode.DependantNotFound,
        'No verified account holds this ID number. An adult without the app gives consent at the hotline',
      );
    if (target.hostProvider === 'care')
      throw refused('This person has no app of their own: they give their consent at the hotline');
    const now = this.clock.now();
    const row = linkRow(newId(), carerId, target.id, 'adult', now);
    try {
      await this.links.transaction(async (manager) => {
        await this.insertWithinLimits(manager, row);
        await this.logFor(manager, carerId, target.id, 'asked to become your carer', now);
      });
    } catch (error) {
      if (isDuplicateKeyOn(error, 'uq_care_links_live'))
        throw refused('This person is already your dependant, or your request waits for them');
      throw error;
    }
    return dependantView({ link: row, name: target.nameMasked, color: null });
  }

  /** The adult accepts a pending request on their own device. */
  async accept(dependantId: string, linkId: string): Promise<{ items: CarerView[] }> {
    const now = this.clock.now();
    await this.links.transaction(async (manager) => {
      const link = await this.ownLink(manager, linkId, (l) => l.dependantId === dependantId);
      if (link.status !== 'pending')
        throw new DomainException(ApiErrorCode.CareLinkNotActive, 'This care request was already answered');
      const change = { status: 'active' as const, consentMethod: 'own-device' as const, confirmedAt: now };
      await this.links.update(manager, link.id, change);
      await this.logFor(manager, link.carerId, dependantId, 'became your carer with your consent', now);
    });
    return this.carers(dependantId);
  }

  /** The carer ends a link (or withdraws a request); they can no longer act for the person. */
  async removeAsCarer(carerId: string, linkId: string): Promise<void> {
    await this.remove(linkId, (l) => l.carerId === carerId, 'carer');
  }

  /** An adult dependant refuses a request or removes a carer, at any time. A child's link is the guardian's. */
  async removeAsDependant(dependantId: string, linkId: string): Promise<void> {
    await this.remove(linkId, (l) => l.dependantId === dependantId, 'dependant');
  }

  private async remove(linkId: string, isOwn: (l: CareLinkEntity) => boolean, by: 'carer' | 'dependant') {
    const now = this.clock.now();
    await this.links.transaction(async (manager) => {
      const link = await this.ownLink(manager, linkId, isOwn);
      if (link.status === 'removed')
        throw new DomainException(ApiErrorCode.CareLinkNotActive, 'This care link was already removed');
      if (by === 'dependant' && link.kind === 'minor') throw refused('A child’s link is removed by their guardian');
      await this.links.update(manager, link.id, { status: 'removed', live: null, removedAt: now, removedBy: by });
      const what = by === 'carer' ? 'stopped caring for you' : 'was removed as your carer';
      await this.logFor(manager, link.carerId, link.dependantId, what, now);
    });
  }

  private async ownLink(manager: EntityManager, linkId: string, isOwn: (l: CareLinkEntity) => boolean) {
    const link = await this.links.findForUpdate(manager, linkId);
    if (!link || !isOwn(link)) throw notYours();
    return link;
  }

  /** `byStaff`: named by a hotline agent, so a missing carer is "not found" rather than the caller's own session. */
  private async verifiedCarer(carerId: string, byStaff = false): Promise<ResidentEntity> {
    const carer = await this.residents.findActive(carerId);
    if (!carer && byStaff) throw new DomainException(ApiErrorCode.NotFound, 'No such resident');
    if (!carer) throw new DomainException(ApiErrorCode.Unauthenticated, 'This account no longer exists; log in again');
    if (byStaff && carer.hostProvider === 'care')
      throw refused('A carer needs an account of their own: this person is someone’s dependant');
    if (!carer.consentVersion)
      throw new DomainException(ApiErrorCode.NotRegistered, 'Sign up first (PUT /api/v1/me/profile)');
    if (carer.verificationState !== 'verified')
      throw new DomainException(
        ApiErrorCode.VerificationRequired,
        'Verify your own identity before you add a family member',
      );
    return carer;
  }

  /**
   * Locks both resident rows (in id order, so two adds in opposite directions cannot deadlock), counts the live
   * links on each side and inserts. Pending requests count, so a carer cannot queue past the limit.
   */
  private async insertWithinLimits(manager: EntityManager, row: CareLinkEntity) {
    for (const id of [row.carerId, row.dependantId].sort()) await this.residents.findActiveForUpdate(manager, id);
    const { maxDependants, maxCarers } = this.config.care;
    if ((await this.links.countLive(manager, { carerId: row.carerId })) >= maxDependants)
      throw new DomainException(
        ApiErrorCode.CareLimitReached,
        `You already care for ${maxDependants} people, the most allowed; remove one first`,
      );
    if ((await this.links.countLive(manager, { dependantId: row.dependantId })) >= maxCarers)
      throw new DomainException(
        ApiErrorCode.CareLimitReached,
        `This person already has ${maxCarers} carers, the most allowed`,
      );
    await this.links.insert(manager, row);
  }

  private insertHostless(
    manager: EntityManager,
    id: string,
    idHmac: Buffer,
    input: Pick<AddMinorRequest, 'consentVersion' | 'name' | 'idType' | 'idNumber' | 'homeRegion'>,
    now: Date,
  ): Promise<void> {
    const keyId = this.crypto.currentKeyId;
    return this.residents.insertHostless(manager, id, this.crypto.hmac('host', `care:${id}`), {
      consentVersion: input.consentVersion,
      consentAt: now,
      ...sealIdentity(this.crypto, keyId, input),
      idType: input.idType,
      idHmac,
      phoneHmac: null,
      phoneEnc: null,
      phoneMasked: null,
      homeRegion: input.homeRegion,
    });
  }

  private logFor(manager: EntityManager, carerId: string, dependantId: string, purpose: string, at: Date) {
    return this.accessLog.append(
      {
        residentId: dependantId,
        actorResidentId: carerId,
        staffId: null,
        role: 'carer',
        purpose,
        scope: 'care-link',
        at,
      },
      manager,
    );
  }
}
