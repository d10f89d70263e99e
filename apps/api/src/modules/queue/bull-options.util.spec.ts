import { getQueueToken } from '@nestjs/bull';
import type { ModuleRef } from '@nestjs/core';

import type { RedisClient } from '../redis/redis-client.util';
import { BullClients } from './bull-options.util';
import { MAINTENANCE_QUEUE, RESCORE_QUEUE } from './queue-names.constant';

describe('BullClients', () => {
  it('closes every queue of the app before it disconnects the Cluster clients Bull opened', async () => {
    const events: string[] = [];
    const queue = (name: string) => ({
      close: async () => {
        await new Promise((r) => setTimeout(r, 10));
        events.push(`close ${name}`);
      },
    });
    const queues: Record<string, unknown> = {
      [getQueueToken(RESCORE_QUEUE)]: queue(RESCORE_QUEUE),
      [getQueueToken(MAINTENANCE_QUEUE)]: queue(MAINTENANCE_QUEUE),
    };
    const moduleRef = {
      get: (token: string) => {
        if (!(token in queues)) throw new Error('not registered');
        return queues[token];
      },
    } as unknown as ModuleRef;
    const clients = new BullClients().closingQueuesOf(moduleRef);
    clients.track({ disconnect: () => events.push('disconnect') } as unknown as RedisClient);
    await clients.onApplicationShutdown();
    // The queues close together (in either order); the clients go only after both.
    expect(events.slice(0, 2).sort()).toEqual([`close ${MAINTENANCE_QUEUE}`, `close ${RESCORE_QUEUE}`]);
    expect(events[2]).toBe('disconnect');
  });
});
