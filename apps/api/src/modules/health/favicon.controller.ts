import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { Public } from '../auth/auth.guard';

/** A QR-like mark in the three code colours; browsers ask for /favicon.ico on every page of the site. */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#fff"/><rect x="3" y="3" width="11" height="11" rx="2" fill="#1a7f37"/><rect x="18" y="3" width="11" height="11" rx="2" fill="#9a6700"/><rect x="3" y="18" width="11" height="11" rx="2" fill="#cf222e"/><rect x="18" y="18" width="5" height="5" fill="#1f2328"/><rect x="24" y="24" width="5" height="5" fill="#1f2328"/></svg>`;

@ApiExcludeController()
@Controller()
export class FaviconController {
  @Get('favicon.ico')
  @Public()
  @Header('content-type', 'image/svg+xml')
  @Header('cache-control', 'public, max-age=86400')
  favicon(): string {
    return FAVICON_SVG;
  }
}
