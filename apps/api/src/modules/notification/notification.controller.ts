import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/me/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ResidentOnly()
  @ApiOperation({ summary: 'Messages the dev channel delivered to me, newest first' })
  list(@CurrentResident() me: ResidentPrincipal) {
    return this.notifications.listForResident(me.residentId);
  }

  @Get('templates')
  @ResidentOnly()
  @ApiOperation({ summary: 'Subscribe-message template ids the mini-program asks the resident to subscribe to' })
  templates() {
    return this.notifications.templates();
  }
}
