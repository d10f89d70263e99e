import { Module } from '@nestjs/common';

import { SessionTokenService } from '../auth/session-token.service';
import { RateLimitStorageModule } from '../security/rate-limit.module';
import { LoginAttemptLimiter } from './login-attempt.limiter';
import { StaffAccountController } from './staff-account.controller';
import { StaffAccountService } from './staff-account.service';
import { StaffAuthService } from './staff-auth.service';
import { StaffGrantController } from './staff-grant.controller';
import { StaffGrantService } from './staff-grant.service';
import { StaffPasswordService } from './staff-password.service';
import { StaffRoleGrantRepository } from './staff-role-grant.repository';
import { StaffSessionGuard } from './staff-session.guard';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';

/** Staff login, identity and account administration. AppModule registers StaffSessionGuard globally. */
@Module({
  imports: [RateLimitStorageModule],
  controllers: [StaffController, StaffAccountController, StaffGrantController],
  // SessionTokenService is stateless (it signs with the configured secret): this module issues its own tokens.
  providers: [
    StaffRepository,
    StaffAuthService,
    StaffPasswordService,
    StaffAccountService,
    StaffGrantService,
    StaffRoleGrantRepository,
    LoginAttemptLimiter,
    StaffSessionGuard,
    SessionTokenService,
  ],
  exports: [StaffRepository, StaffSessionGuard],
})
export class StaffModule {}
