import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { QUEUE_BOARD_PREFIX, QueueBoardTicketService } from './queue-board-ticket.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('v1/admin/queues')
export class QueueBoardController {
  constructor(private readonly tickets: QueueBoardTicketService) {}

  /** A 5-minute ticket that opens the queue dashboard (bull-board) in a new tab: `url` carries it. */
  @Post('session')
  @StaffOnly('system-admin')
  async session(
    @CurrentStaff() principal: StaffPrincipal,
  ): Promise<{ ticket: string; expiresIn: number; url: string }> {
    const { ticket, expiresIn } = await this.tickets.issue(principal);
    return { ticket, expiresIn, url: `${QUEUE_BOARD_PREFIX}?ticket=${encodeURIComponent(ticket)}` };
  }
}
