import { Module } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SessionTokenService } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { ResidentProfileService } from '../me/resident-profile.service';
import { DevHostIdentityRepository } from '../identity/dev-host-identity.repository';
import { DevHostService } from '../identity/dev-host.service';
import type { IdentityVerifier } from './identity-verifier.interface';
import { IDENTITY_VERIFIERS } from './identity-verifiers.token';
import { IdentityVerificationService } from './identity-verification.service';
import { IdentityController } from './identity.controller';
import { HotlineVerificationController } from './hotline-verification.controller';
import { HotlineVerificationService } from './hotline-verification.service';
import { AlipayIdentityVerifier } from './verifiers/alipay-identity.verifier';
import { DevIdentityVerifier } from './verifiers/dev-identity.verifier';
import { WechatIdentityVerifier } from './verifiers/wechat-identity.verifier';
import { WechatVerifySessionRepository } from '../identity/wechat-verify-session.repository';
import { CareModule } from '../care/care.module';
import { HostTokenModule } from '../host-token/host-token.module';
import { CareHotlineConsentController } from './care-hotline-consent.controller';
import { CareHotlineConsentService } from './care-hotline-consent.service';
import { WechatAccessTokenService } from '../host-token/wechat-access-token.service';

/**
 * Identity proofing (issue #13): the `IdentityVerifier` adapters, `/me/verification`, the dev host, and the
 * hotline-assisted verification queue (`/staff/identity-verifications`).
 */
@Module({
  imports: [HostTokenModule, CareModule],
  controllers: [IdentityController, HotlineVerificationController, CareHotlineConsentController],
  providers: [
    CareHotlineConsentService,
    DevHostIdentityRepository,
    DevHostService,
    DevIdentityVerifier,
    HotlineVerificationService,
    IdentityVerificationService,
    WechatVerifySessionRepository,
    ResidentProfileService,
    SessionTokenService,
    {
      provide: IDENTITY_VERIFIERS,
      inject: [
        APP_CONFIG,
        DevIdentityVerifier,
        PiiCryptoService,
        WechatVerifySessionRepository,
        Clock,
        WechatAccessTokenService,
      ],
      useFactory: (
        config: AppConfig,
        dev: DevIdentityVerifier,
        crypto: PiiCryptoService,
        sessions: WechatVerifySessionRepository,
        clock: Clock,
        tokens: WechatAccessTokenService,
      ): IdentityVerifier[] => {
        const { alipay, wechat } = config.hostProviders;
        return [
          ...(config.hostProviders.dev ? [dev] : []),
          ...(alipay ? [new AlipayIdentityVerifier(alipay, crypto, () => clock.now())] : []),
          ...(wechat ? [new WechatIdentityVerifier(wechat, crypto, sessions, () => clock.now(), tokens)] : []),
        ];
      },
    },
  ],
  exports: [IdentityVerificationService, DevHostService, ResidentProfileService],
})
export class IdentityModule {}
