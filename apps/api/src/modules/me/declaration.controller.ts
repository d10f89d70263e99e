import {
  type CheckInRequest,
  CheckInRequestSchema,
  type DeclarationRequest,
  DeclarationRequestSchema,
  type MyDeclaration,
} from '@healthcode/contracts';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ResidentOnly } from '../auth/auth.guard';
import { ActsFor } from '../auth/acts-for.decorator';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { DeclarationService } from './declaration.service';

@ApiTags('resident')
@ApiBearerAuth()
@Controller('v1/me')
export class DeclarationController {
  constructor(private readonly service: DeclarationService) {}

  @Post('declarations')
  @ResidentOnly()
  @ActsFor({ purpose: 'declared', scope: 'declaration' })
  @ApiZodBody(DeclarationRequestSchema)
  declare(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(DeclarationRequestSchema)) body: DeclarationRequest,
  ) {
    return this.service.declare(me.residentId, body, me.actorId);
  }

  @Get('declarations')
  @ResidentOnly()
  @ActsFor({ purpose: 'read the declarations', scope: 'declaration' })
  mine(@CurrentResident() me: ResidentPrincipal): Promise<{ items: MyDeclaration[] }> {
    return this.service.mine(me.residentId);
  }

  @Post('check-ins')
  @ResidentOnly()
  @ActsFor({ purpose: 'checked in', scope: 'check-in' })
  @ApiZodBody(CheckInRequestSchema)
  checkIn(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(CheckInRequestSchema)) body: CheckInRequest,
  ) {
    return this.service.checkIn(me.residentId, body, me.actorId);
  }
}
