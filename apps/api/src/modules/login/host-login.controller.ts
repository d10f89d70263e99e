import { type AccessTokenResponse, type HostLoginRequest, HostLoginRequestSchema } from '@healthcode/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Public } from '../auth/auth.guard';
import { HostLoginService } from './host-login.service';

@ApiTags('auth')
@Controller('v1/auth')
export class HostLoginController {
  constructor(private readonly auth: HostLoginService) {}

  @Post('host-login')
  @HttpCode(200)
  @Public()
  @ApiZodBody(HostLoginRequestSchema)
  hostLogin(@Body(new ZodValidationPipe(HostLoginRequestSchema)) body: HostLoginRequest): Promise<AccessTokenResponse> {
    return this.auth.hostLogin(body);
  }
}
