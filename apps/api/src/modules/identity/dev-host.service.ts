import { ApiErrorCode, type DevHostCertification } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { HmacRotationService } from '../hmac-keys/hmac-rotation.service';
import { DevHostIdentityRepository } from './dev-host-identity.repository';

/**
 * The dev host's side of real-name certification: it records that its user owns an ID number, as a resident
 * certifies their identity inside WeChat or Alipay. Exists only where the dev login exists (never production).
 */
@Injectable()
export class DevHostService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identities: DevHostIdentityRepository,
    private readonly crypto: PiiCryptoService,
    private readonly clock: Clock,
    private readonly hmacs: HmacRotationService,
  ) {}

  async certify(input: DevHostCertification): Promise<void> {
    if (!this.config.hostProviders.dev)
      throw new DomainException(ApiErrorCode.ProviderDisabled, 'The dev host is not enabled on this server');
    const host = this.crypto.hmacPair('host', `dev:${input.user}`);
    const id = this.crypto.hmacPair('id', `${input.idType}:${input.idNumber}`);
    await this.hmacs.align('host', [host]);
    await this.hmacs.align('id', [id]);
    await this.identities.record(host.current, id.current, this.clock.now());
  }
}
