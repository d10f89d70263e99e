import {
  type ConsentResponse,
  ApiErrorCode,
  ID_NUMBER_TAKEN_MESSAGE,
  type ProfileResponse,
  type ProfileUpsertRequest,
} from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { sealIdentity, sealPhone } from '../crypto/sealed-pii.util';
import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SessionTokenService } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { HmacRotationService } from '../hmac-keys/hmac-rotation.service';
import { isDuplicateKeyOn } from '../identity/duplicate-key.util';
import { IdentityEventRepository } from '../identity/identity-event.repository';
import { nextVerificationStatus } from '../identity/verification-state-machine';
import { verificationFields, verificationStatusOf, verificationView } from '../identity/verification-view.util';
import { consentFor } from '../resident/consent.constant';
import { SessionRevocationService } from '../session/session-revocation.service';
import type { ResidentEntity } from '../resident/resident.entity';
import { ResidentRepository } from '../resident/resident.repository';

const gone = () => new DomainException(ApiErrorCode.Unauthenticated, 'This account no longer exists; log in again');

@Injectable()
export class ResidentProfileService {
  constructor(
    private readonly residents: ResidentRepository,
    private readonly events: IdentityEventRepository,
    private readonly crypto: PiiCryptoService,
    private readonly clock: Clock,
    private readonly sessions: SessionRevocationService,
    private readonly tokens: SessionTokenService,
    private readonly hmacs: HmacRotationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The consent text in force: it states the retention this deployment is configured with. */
  consent(): ConsentResponse {
    return consentFor(this.config.retention);
  }

  async requireRegistered(residentId: string): Promise<ResidentEntity> {
    const resident = await this.residents.findActive(residentId);
    if (!resident) throw gone();
    if (!resident.consentVersion)
      throw new DomainException(ApiErrorCode.NotRegistered, 'Sign up first (PUT /api/v1/me/profile)');
    return resident;
  }

  async get(residentId: string): Promise<ProfileResponse> {
    const r = await this.residents.findActive(residentId);
    if (!r) throw gone();
    return {
      registered: Boolean(r.consentVersion),
      consentVersion: r.consentVersion,
      name: r.nameMasked,
      idType: r.idType as ProfileResponse['idType'],
      idNumber: r.idMasked,
      phone: r.phoneMasked,
      homeRegion: r.homeRegion,
      currentRegion: r.currentRegion,
      verification: verificationView(verificationStatusOf(r)),
    };
  }

  /**
   * Sign-up and profile changes. The ID number is bound here: the unique key on its HMAC refuses a number another
   * live resident holds, so two racing sign-ups cannot both win. The refusal is the same sentence whatever that
   * account holds. A new number starts unverified; numbers proven before keep their facts (IdentityEventRepository).
   */
  async upsert(residentId: string, input: ProfileUpsertRequest): Promise<ProfileResponse> {
    const consentVersion = this.consent().version;
    if (input.consentVersion !== consentVersion) {
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        `Read and accept the current consent text (version ${consentVersion}) first`,
        [{ path: 'consentVersion', message: `The current consent version is ${consentVersion}` }],
      );
    }
    const keyId = this.crypto.currentKeyId;
    const idPair = this.crypto.hmacPair('id', `${input.idType}:${input.idNumber}`);
    const phonePair = this.crypto.hmacPair('phone', input.phone);
    const idHmac = idPair.current;
    const now = this.clock.now();
    let idChanged = false;
    // During a PII_HMAC key rotation: this resident's HMACs, and rows holding the number and phone being written,
    // move to the current version first, so the unique key on the ID HMAC compares like with like.
    await this.hmacs.alignResident(residentId);
    await this.hmacs.align('id', [idPair]);
    await this.hmacs.align('phone', [phonePair]);
    const fields = {
      consentVersion: input.consentVersion,
      ...sealIdentity(this.crypto, keyId, input),
      idType: input.idType,
      idHmac,
      phoneHmac: phonePair.current,
      ...sealPhone(this.crypto, keyId, input.phone),
      homeRegion: input.homeRegion,
    };
    try {
      // Sign-up and every change that keeps the ID number (issue #16): one narrow read, then one UPDATE that applies
      // only if the row still holds what was read, which is what the locked transaction below decides, without
      // it. An ID change, or a row that changed in between, takes the locked path.
      const state = await this.residents.profileState(residentId);
      if (!state) throw gone();
      if (state.idHmac === null || state.idHmac.equals(idHmac)) {
        const consentAt = state.consentVersion === input.consentVersion ? state.consentAt : now;
        if (await this.residents.updateProfileIfUnchanged(residentId, state, { ...fields, consentAt })) {
          return {
            registered: true,
            consentVersion: fields.consentVersion,
            name: fields.nameMasked,
            idType: input.idType,
            idNumber: fields.idMasked,
            phone: fields.phoneMasked,
            homeRegion: fields.homeRegion,
            currentRegion: state.currentRegion,
            verification: verificationView(verificationStatusOf(state)),
          };
        }
      }
      await this.residents.transaction(async (manager) => {
        const existing = await this.residents.findActiveForUpdate(manager, residentId);
        if (!existing) throw gone();
        idChanged = existing.idHmac !== null && !existing.idHmac.equals(idHmac);
        const status = verificationStatusOf(existing);
        await this.residents.updateProfile(
          residentId,
          {
            ...fields,
            consentAt: existing.consentVersion === input.consentVersion ? existing.consentAt : now,
            ...(idChanged ? verificationFields(nextVerificationStatus(status, { type: 'id-changed' })) : {}),
          },
          manager,
        );
        if (idChanged) {
          await this.events.append(manager, {
            residentId,
            kind: 'id-changed',
            method: null,
            idHmac: existing.idHmac,
            proofKey: null,
            at: now,
          });
          // A changed identity ends every live session with the change (another device may be someone else's).
          await this.sessions.revokeResidentSessions(residentId, manager);
        }
      });
    } catch (error) {
      if (isDuplicateKeyOn(error, 'uq_residents_id_hmac'))
        throw new DomainException(ApiErrorCode.IdNumberTaken, ID_NUMBER_TAKEN_MESSAGE);
      throw error;
    }
    const profile = await this.get(residentId);
    if (!idChanged) return profile;
    const epoch = await this.sessions.residentEpoch(residentId);
    return { ...profile, session: await this.tokens.issue({ kind: 'resident', residentId }, epoch) };
  }
}
