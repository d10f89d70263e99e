import {
  type StaffIdentity,
  type StaffLoginRequest,
  StaffLoginRequestSchema,
  type StaffLoginResponse,
  type StaffTotpEnrollment,
  type StaffTotpEnrollRequest,
  StaffTotpEnrollRequestSchema,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Public, StaffOnly } from '../auth/auth.guard';
import { CurrentSession, CurrentStaff } from '../auth/current-principal.decorator';
import type { SessionClaims, StaffPrincipal } from '../auth/session-token.service';
import { RateLimit } from '../security/rate-limit.decorator';
import { type ChangeOwnPasswordRequest, ChangeOwnPasswordRequestSchema } from './staff-account.dto';
import { StaffAuthService } from './staff-auth.service';
import { StaffPasswordService } from './staff-password.service';

@ApiTags('staff')
@Controller('v1/staff')
export class StaffController {
  constructor(
    private readonly auth: StaffAuthService,
    private readonly passwords: StaffPasswordService,
  ) {}

  /** 401 TOTP_REQUIRED asks for step two; 423 ACCOUNT_LOCKED and 429 carry Retry-After. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('staff-login')
  @ApiZodBody(StaffLoginRequestSchema)
  login(@Body(new ZodValidationPipe(StaffLoginRequestSchema)) body: StaffLoginRequest): Promise<StaffLoginResponse> {
    return this.auth.login(body);
  }

  /**
   * For an account without an authenticator (new, or reset by an admin): the right password returns a new
   * secret to scan; logging in with a code from it completes the enrollment. Counted like a login.
   */
  @Post('login/enroll')
  @HttpCode(200)
  @Public()
  @RateLimit('staff-login')
  @ApiZodBody(StaffTotpEnrollRequestSchema)
  enroll(
    @Body(new ZodValidationPipe(StaffTotpEnrollRequestSchema)) body: StaffTotpEnrollRequest,
  ): Promise<StaffTotpEnrollment> {
    return this.auth.enroll(body);
  }

  /** Ends this session server-side: the token is refused from now on, even before it expires. */
  @Post('logout')
  @HttpCode(204)
  @StaffOnly()
  @ApiBearerAuth()
  logout(@CurrentStaff() me: StaffPrincipal, @CurrentSession() session: SessionClaims): Promise<void> {
    return this.auth.logout(me, session);
  }

  /** Ends every session of the account, this one included: log in again with the new password. */
  @Post('me/password')
  @HttpCode(204)
  @StaffOnly()
  @ApiBearerAuth()
  @ApiZodBody(ChangeOwnPasswordRequestSchema)
  changePassword(
    @CurrentStaff() me: StaffPrincipal,
    @Body(new ZodValidationPipe(ChangeOwnPasswordRequestSchema)) body: ChangeOwnPasswordRequest,
  ): Promise<void> {
    return this.passwords.change(me, body);
  }

  @Get('me')
  @StaffOnly()
  @ApiBearerAuth()
  me(@CurrentStaff() me: StaffPrincipal): Promise<StaffIdentity> {
    return this.auth.me(me.staffId);
  }
}
