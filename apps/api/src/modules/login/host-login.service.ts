import { type AccessTokenResponse, ApiErrorCode, type HostLoginRequest } from '@healthcode/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { HmacRotationService } from '../hmac-keys/hmac-rotation.service';
import { channelFor, NotificationService } from '../notification/notification.service';
import { ResidentRepository } from '../resident/resident.repository';
import { AlipayHostProvider } from './host-providers/alipay-host.provider';
import { DevHostProvider } from './host-providers/dev-host.provider';
import { type HostProvider, HostCodeRejected } from './host-providers/host-provider.interface';
import { WechatHostProvider } from './host-providers/wechat-host.provider';
import { SessionTokenService } from '../auth/session-token.service';

@Injectable()
export class HostLoginService {
  private readonly logger = new Logger(HostLoginService.name);
  private readonly providers = new Map<string, HostProvider>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly residents: ResidentRepository,
    private readonly crypto: PiiCryptoService,
    private readonly tokens: SessionTokenService,
    private readonly notifications: NotificationService,
    private readonly hmacs: HmacRotationService,
    clock: Clock,
  ) {
    if (config.hostProviders.dev) this.providers.set('dev', new DevHostProvider());
    if (config.hostProviders.wechat) this.providers.set('wechat', new WechatHostProvider(config.hostProviders.wechat));
    if (config.hostProviders.alipay)
      this.providers.set('alipay', new AlipayHostProvider(config.hostProviders.alipay, clock));
  }

  async hostLogin(request: HostLoginRequest): Promise<AccessTokenResponse> {
    const provider = this.providers.get(request.provider);
    if (!provider) {
      throw new DomainException(
        ApiErrorCode.ProviderDisabled,
        `Login through ${request.provider} is not enabled on this server`,
      );
    }
    let hostUserId: string;
    try {
      hostUserId = await provider.exchange(request.code);
    } catch (error) {
      if (error instanceof HostCodeRejected) throw new DomainException(ApiErrorCode.InvalidToken, error.message);
      this.logger.warn({ provider: request.provider, err: (error as Error).message }, 'host login failed');
      throw new DomainException(
        ApiErrorCode.ProviderFailed,
        `${request.provider} login is unavailable right now; please try again shortly`,
      );
    }
    // During a PII_HMAC key rotation the host key may still be under the previous version: moved first.
    const hostKey = this.crypto.hmacPair('host', `${request.provider}:${hostUserId}`);
    await this.hmacs.align('host', [hostKey]);
    const { id: residentId, sessionEpoch } = await this.residents.findOrCreateForLogin(
      hostKey.current,
      request.provider,
    );
    await this.hmacs.alignResident(residentId);
    // Subscription messages (appeal updates) are addressed to the host user id: kept encrypted, only for that.
    await this.notifications.rememberRecipient(residentId, channelFor(request.provider), hostUserId);
    return this.tokens.issue({ kind: 'resident', residentId }, sessionEpoch);
  }
}
