import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';

import { MAINTENANCE_QUEUE } from '../queue/queue-names.constant';
import { QueueBoardTicketService } from './queue-board-ticket.service';
import { QueueBoardController } from './queue-board.controller';

/** Issue #9: tickets for the queue dashboard; the board itself is mounted by `mountQueueBoard` (bootstrap). */
@Module({
  // The maintenance queue is produced and consumed by the worker alone; registering it here (no processor) lets the
  // board show it next to the API's queues.
  imports: [BullModule.registerQueue({ name: MAINTENANCE_QUEUE })],
  controllers: [QueueBoardController],
  providers: [QueueBoardTicketService],
  exports: [QueueBoardTicketService],
})
export class QueueBoardModule {}
