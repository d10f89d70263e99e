import { Module } from '@nestjs/common';

import { QueueBoardTicketService } from './queue-board-ticket.service';
import { QueueBoardController } from './queue-board.controller';

/** Issue #9: tickets for the queue dashboard; the board itself is mounted by `mountQueueBoard` (bootstrap). */
@Module({
  controllers: [QueueBoardController],
  providers: [QueueBoardTicketService],
  exports: [QueueBoardTicketService],
})
export class QueueBoardModule {}
