import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/auth.guard';
import { CodeSignerService } from './code-signer.service';

/** Served at the root (`/.well-known/jwks.json`), outside the `/api` prefix, for checkpoint scanners. */
@ApiTags('public')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly signer: CodeSignerService) {}

  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  jwks() {
    return this.signer.jwks();
  }
}
