import {
  type AccessLogEntry,
  type CodeHistoryEntry,
  type CodeResponse,
  type ConsentResponse,
  type DeletionReceipt,
  type ProfileResponse,
  type ProfileUpsertRequest,
  ProfileUpsertRequestSchema,
} from '@healthcode/contracts';
import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AccessLogService } from '../access-log/access-log.service';
import { ActsFor } from '../auth/acts-for.decorator';
import { Public, ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { CodeService } from '../code/code.service';
import { ResidentProfileService } from './resident-profile.service';
import { ErasureService } from './erasure.service';

@ApiTags('resident')
@ApiBearerAuth()
@Controller('v1')
export class MeController {
  constructor(
    private readonly profiles: ResidentProfileService,
    private readonly codes: CodeService,
    private readonly accessLog: AccessLogService,
    private readonly erasure: ErasureService,
  ) {}

  @Get('consent')
  @Public()
  consent(): ConsentResponse {
    return this.profiles.consent();
  }

  @Get('me/profile')
  @ResidentOnly()
  @ActsFor({ purpose: 'read the profile', scope: 'profile' })
  profile(@CurrentResident() me: ResidentPrincipal): Promise<ProfileResponse> {
    return this.profiles.get(me.residentId);
  }

  @Put('me/profile')
  @ResidentOnly()
  @ApiZodBody(ProfileUpsertRequestSchema)
  upsertProfile(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(ProfileUpsertRequestSchema)) body: ProfileUpsertRequest,
  ): Promise<ProfileResponse> {
    return this.profiles.upsert(me.residentId, body);
  }

  @Get('me/code')
  @ResidentOnly()
  @ActsFor({ purpose: 'read the code', scope: 'code' })
  code(@CurrentResident() me: ResidentPrincipal): Promise<CodeResponse> {
    return this.codes.currentCode(me.residentId);
  }

  @Get('me/code/history')
  @ResidentOnly()
  @ActsFor({ purpose: 'read the code history', scope: 'history' })
  history(@CurrentResident() me: ResidentPrincipal): Promise<{ items: CodeHistoryEntry[] }> {
    return this.codes.history(me.residentId);
  }

  @Get('me/access-log')
  @ResidentOnly()
  @ActsFor({ purpose: 'read the access log', scope: 'access-log' })
  accessLogOf(@CurrentResident() me: ResidentPrincipal): Promise<{ items: AccessLogEntry[] }> {
    return this.accessLog.listForResident(me.residentId);
  }

  @Delete('me')
  @ResidentOnly()
  erase(@CurrentResident() me: ResidentPrincipal): Promise<DeletionReceipt> {
    return this.erasure.erase(me.residentId);
  }
}
