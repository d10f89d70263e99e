import { createHash } from 'node:crypto';

import {
  ApiErrorCode,
  type IdType,
  type ProfileResponse,
  type VerificationMethod,
  type VerificationRequest,
  type WechatVerifyStartResponse,
} from '@healthcode/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { HostUnavailable } from '../login/host-providers/host-provider.interface';
import { Clock } from '../clock/clock';
import { CodeService } from '../code/code.service';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { HmacRotationService } from '../hmac-keys/hmac-rotation.service';
import { ResidentProfileService } from '../me/resident-profile.service';
import type { ResidentEntity } from '../resident/resident.entity';
import { ResidentRepository } from '../resident/resident.repository';
import { isDuplicateKeyOn } from '../identity/duplicate-key.util';
import { IdentityEventRepository } from '../identity/identity-event.repository';
import {
  type IdentityVerifier,
  VerificationNegativeError,
  VerificationRefusedError,
  type VerificationSubject,
} from './identity-verifier.interface';
import { IDENTITY_VERIFIERS } from './identity-verifiers.token';
import { nextVerificationStatus, type VerificationEvent } from '../identity/verification-state-machine';
import { verificationFields, verificationStatusOf } from '../identity/verification-view.util';
import { WechatIdentityVerifier } from './verifiers/wechat-identity.verifier';

const refused = (message: string) => new DomainException(ApiErrorCode.VerificationRefused, message);

/**
 * Proves that the profile's ID number is the signed-in resident's, through whichever verifier they chose, and
 * only then lets authority facts count (CodeService matches facts of proven numbers only). A refused proof
 * (forged, replayed, badly signed, for another number) changes nothing; a definitive negative answer from the
 * host marks the number rejected.
 */
@Injectable()
export class IdentityVerificationService {
  private readonly logger = new Logger(IdentityVerificationService.name);

  constructor(
    private readonly residents: ResidentRepository,
    private readonly profiles: ResidentProfileService,
    private readonly events: IdentityEventRepository,
    private readonly crypto: PiiCryptoService,
    private readonly codes: CodeService,
    private readonly clock: Clock,
    @Inject(IDENTITY_VERIFIERS) private readonly verifiers: IdentityVerifier[],
    private readonly hmacs: HmacRotationService,
  ) {}

  async verify(residentId: string, request: VerificationRequest): Promise<ProfileResponse> {
    const resident = await this.verifiableResident(residentId);
    const verifier = this.verifiers.find((v) => v.method === request.method);
    if (!verifier)
      throw new DomainException(
        ApiErrorCode.ProviderDisabled,
        `Verification through ${request.method} is not enabled on this server`,
      );
    let proof;
    try {
      proof = await verifier.verify(this.subjectOf(resident), request);
    } catch (error) {
      if (error instanceof VerificationRefusedError) throw refused(error.message);
      if (error instanceof VerificationNegativeError) {
        await this.apply(residentId, resident.idHmac as Buffer, { type: 'reject', reason: error.message }, null);
        throw refused(
          `The check did not pass: ${error.message}. Check your profile, then try again or call the hotline.`,
        );
      }
      if (error instanceof HostUnavailable) {
        this.logger.warn({ method: request.method, err: error.message }, 'identity verification host failed');
        throw new DomainException(
          ApiErrorCode.ProviderFailed,
          `${request.method} verification is unavailable right now; please try again shortly`,
        );
      }
      throw error;
    }
    if (!proof.idHmac.equals(resident.idHmac as Buffer))
      throw refused(
        'The host verified a different ID number than the one in your profile. Correct the ID number in your profile, then verify again.',
      );
    const at = this.clock.now();
    const proofKey = proof.proofRef
      ? createHash('sha256').update(`${request.method}\0${proof.proofRef}`).digest()
      : null;
    await this.apply(residentId, proof.idHmac, { type: 'verify', method: request.method, at }, proofKey);
    await this.codes.rescoreOne(residentId, 'verified', `verified:${at.getTime()}`);
    return this.profiles.get(residentId);
  }

  /** WeChat's face check needs a verify id from WeChat before the mini-program can run it. */
  async startWechat(residentId: string, loginCode: string): Promise<WechatVerifyStartResponse> {
    const resident = await this.verifiableResident(residentId);
    const wechat = this.verifiers.find((v): v is WechatIdentityVerifier => v instanceof WechatIdentityVerifier);
    if (!wechat)
      throw new DomainException(
        ApiErrorCode.ProviderDisabled,
        'Verification through wechat is not enabled on this server',
      );
    try {
      return await wechat.start(this.subjectOf(resident), loginCode);
    } catch (error) {
      if (error instanceof VerificationRefusedError) throw refused(error.message);
      if (error instanceof HostUnavailable) {
        this.logger.warn({ method: 'wechat', err: error.message }, 'identity verification host failed');
        throw new DomainException(
          ApiErrorCode.ProviderFailed,
          'WeChat verification is unavailable right now; please try again shortly',
        );
      }
      throw error;
    }
  }

  /** The registered resident with an ID number that is not verified yet. */
  async verifiableResident(residentId: string): Promise<ResidentEntity> {
    // During a PII_HMAC key rotation, the host's answers are HMACed under the current version: the profile too.
    await this.hmacs.alignResident(residentId);
    const resident = await this.profiles.requireRegistered(residentId);
    if (!resident.idHmac || !resident.idType)
      throw new DomainException(ApiErrorCode.ValidationFailed, 'Enter your ID number in your profile first');
    if (resident.verificationState === 'verified')
      throw new DomainException(ApiErrorCode.IllegalTransition, 'Your ID number is already verified');
    return resident;
  }

  subjectOf(r: ResidentEntity): VerificationSubject {
    return {
      residentId: r.id,
      hostProvider: r.hostProvider,
      hostKey: r.hostKey,
      idType: r.idType as IdType,
      idHmac: r.idHmac as Buffer,
      reveal: () => ({
        name: this.crypto.decrypt(r.nameEnc as string),
        idNumber: this.crypto.decrypt(r.idEnc as string),
      }),
    };
  }

  /**
   * One transaction: the state change and its event, under the profile row's lock. The profile's number must still
   * be the one that was proven (it may have changed meanwhile), and a proof reference is accepted once.
   */
  async apply(residentId: string, idHmac: Buffer, event: VerificationEvent, proofKey: Buffer | null): Promise<void> {
    try {
      await this.residents.transaction((manager) => this.applyIn(manager, residentId, idHmac, event, proofKey));
    } catch (error) {
      if (isDuplicateKeyOn(error, 'uq_identity_events_proof_key'))
        throw refused('This verification was already used. Start a new verification in your host app.');
      throw error;
    }
  }

  /** `apply` inside the caller's transaction (the hotline approval records its decision in the same one). */
  async applyIn(
    manager: EntityManager,
    residentId: string,
    idHmac: Buffer,
    event: VerificationEvent,
    proofKey: Buffer | null,
  ): Promise<void> {
    const method: VerificationMethod | null = event.type === 'verify' ? event.method : null;
    const locked = await this.residents.findActiveForUpdate(manager, residentId);
    if (!locked?.idHmac || !locked.idHmac.equals(idHmac))
      throw new DomainException(ApiErrorCode.Conflict, 'Your profile changed while verifying; verify again');
    let next;
    try {
      next = nextVerificationStatus(verificationStatusOf(locked), event);
    } catch {
      throw new DomainException(ApiErrorCode.IllegalTransition, 'Your ID number is already verified');
    }
    const at = this.clock.now();
    await this.residents.setVerification(manager, residentId, verificationFields(next), at);
    await this.events.append(manager, {
      residentId,
      kind: event.type === 'verify' ? 'verified' : 'rejected',
      method,
      idHmac,
      proofKey,
      at,
    });
  }
}
