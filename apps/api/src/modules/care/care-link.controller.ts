import {
  type AddAdultRequest,
  AddAdultRequestSchema,
  type AddMinorRequest,
  AddMinorRequestSchema,
  CareLinkIdSchema,
  type CarerView,
  type DependantView,
} from '@healthcode/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { CareLinkService } from './care-link.service';

const linkId = new ZodValidationPipe(CareLinkIdSchema);

@ApiTags('family')
@ApiBearerAuth()
@Controller('v1/me')
export class CareLinkController {
  constructor(private readonly links: CareLinkService) {}

  @Get('dependants')
  @ResidentOnly()
  dependants(@CurrentResident() me: ResidentPrincipal): Promise<{ items: DependantView[] }> {
    return this.links.dependants(me.residentId);
  }

  @Post('dependants/minors')
  @ResidentOnly()
  @ApiZodBody(AddMinorRequestSchema)
  addMinor(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(AddMinorRequestSchema)) body: AddMinorRequest,
  ): Promise<DependantView> {
    return this.links.addMinor(me.residentId, body);
  }

  @Post('dependants/adults')
  @ResidentOnly()
  @ApiZodBody(AddAdultRequestSchema)
  requestAdult(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(AddAdultRequestSchema)) body: AddAdultRequest,
  ): Promise<DependantView> {
    return this.links.requestAdult(me.residentId, body);
  }

  @Delete('dependants/:linkId')
  @HttpCode(204)
  @ResidentOnly()
  removeDependant(@CurrentResident() me: ResidentPrincipal, @Param('linkId', linkId) id: string): Promise<void> {
    return this.links.removeAsCarer(me.residentId, id);
  }

  @Get('carers')
  @ResidentOnly()
  carers(@CurrentResident() me: ResidentPrincipal): Promise<{ items: CarerView[] }> {
    return this.links.carers(me.residentId);
  }

  @Post('carers/:linkId/accept')
  @HttpCode(200)
  @ResidentOnly()
  accept(
    @CurrentResident() me: ResidentPrincipal,
    @Param('linkId', linkId) id: string,
  ): Promise<{ items: CarerView[] }> {
    return this.links.accept(me.residentId, id);
  }

  @Delete('carers/:linkId')
  @HttpCode(204)
  @ResidentOnly()
  removeCarer(@CurrentResident() me: ResidentPrincipal, @Param('linkId', linkId) id: string): Promise<void> {
    return this.links.removeAsDependant(me.residentId, id);
  }
}
