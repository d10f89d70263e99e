import {
  ApiErrorCode,
  maskIdNumber,
  maskName,
  maskPhone,
  type ProfileResponse,
  type ProfileUpsertRequest,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { Clock } from '../clock/clock';
import { CodeService } from '../code/code.service';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { CURRENT_CONSENT } from './consent.constant';
import type { ResidentEntity } from './resident.entity';
import { ResidentRepository } from './resident.repository';

@Injectable()
export class ResidentProfileService {
  constructor(
    private readonly residents: ResidentRepository,
    private readonly crypto: PiiCryptoService,
    private readonly codes: CodeService,
    private readonly clock: Clock,
  ) {}

  async requireRegistered(residentId: string): Promise<ResidentEntity> {
    const resident = await this.residents.findActive(residentId);
    if (!resident)
      throw new DomainException(ApiErrorCode.Unauthenticated, 'This account no longer exists; log in again');
    if (!resident.consentVersion)
      throw new DomainException(ApiErrorCode.NotRegistered, 'Sign up first (PUT /api/v1/me/profile)');
    return resident;
  }

  async get(residentId: string): Promise<ProfileResponse> {
    const r = await this.residents.findActive(residentId);
    if (!r) throw new DomainException(ApiErrorCode.Unauthenticated, 'This account no longer exists; log in again');
    return {
      registered: Boolean(r.consentVersion),
      consentVersion: r.consentVersion,
      name: r.nameMasked,
      idType: r.idType as ProfileResponse['idType'],
      idNumber: r.idMasked,
      phone: r.phoneMasked,
      homeRegion: r.homeRegion,
      currentRegion: r.currentRegion,
    };
  }

  async upsert(residentId: string, input: ProfileUpsertRequest): Promise<ProfileResponse> {
    if (input.consentVersion !== CURRENT_CONSENT.version) {
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        `Read and accept the current consent text (version ${CURRENT_CONSENT.version}) first`,
        [{ path: 'consentVersion', message: `The current consent version is ${CURRENT_CONSENT.version}` }],
      );
    }
    const existing = await this.residents.findActive(residentId);
    if (!existing)
      throw new DomainException(ApiErrorCode.Unauthenticated, 'This account no longer exists; log in again');
    const keyId = this.crypto.currentKeyId;
    await this.residents.updateProfile(residentId, {
      consentVersion: input.consentVersion,
      consentAt: existing.consentVersion === input.consentVersion ? existing.consentAt : this.clock.now(),
      piiKeyId: keyId,
      nameEnc: this.crypto.encrypt(input.name, keyId),
      nameMasked: maskName(input.name),
      idType: input.idType,
      idHmac: this.crypto.hmac('id', `${input.idType}:${input.idNumber}`),
      idEnc: this.crypto.encrypt(input.idNumber, keyId),
      idMasked: maskIdNumber(input.idNumber),
      phoneHmac: this.crypto.hmac('phone', input.phone),
      phoneEnc: this.crypto.encrypt(input.phone, keyId),
      phoneMasked: maskPhone(input.phone),
      homeRegion: input.homeRegion,
    });
    if (!existing.consentVersion) await this.codes.rescoreOne(residentId, 'sign-up', `sign-up`);
    return this.get(residentId);
  }
}
