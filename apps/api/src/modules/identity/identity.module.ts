import { Module } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ResidentProfileService } from '../resident/resident-profile.service';
import { DevHostIdentityRepository } from './dev-host-identity.repository';
import { DevHostService } from './dev-host.service';
import type { IdentityVerifier } from './identity-verifier.interface';
import { IDENTITY_VERIFIERS } from './identity-verifiers.token';
import { IdentityVerificationService } from './identity-verification.service';
import { IdentityController } from './identity.controller';
import { DevIdentityVerifier } from './verifiers/dev-identity.verifier';

/** Identity proofing (issue #13): the `IdentityVerifier` adapters, `/me/verification`, the dev host. */
@Module({
  controllers: [IdentityController],
  providers: [
    DevHostIdentityRepository,
    DevHostService,
    DevIdentityVerifier,
    IdentityVerificationService,
    ResidentProfileService,
    {
      provide: IDENTITY_VERIFIERS,
      inject: [APP_CONFIG, DevIdentityVerifier],
      useFactory: (config: AppConfig, dev: DevIdentityVerifier): IdentityVerifier[] => [
        ...(config.hostProviders.dev ? [dev] : []),
      ],
    },
  ],
  exports: [IdentityVerificationService, DevHostService],
})
export class IdentityModule {}
