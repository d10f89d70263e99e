import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { ApiErrorCode } from '@healthcode/contracts';
import { getQueueToken } from '@nestjs/bull';
import { ModuleRef } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { AuditService } from '../audit/audit.service';
import { wallClock } from '../clock/wall-clock';
import * as QUEUE_CONSTANTS from '../queue/queue-names.constant';
import { StaffRepository } from '../staff/staff.repository';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PREFIX, QueueBoardTicketService } from './queue-board-ticket.service';

const QUEUE_NAMES = Object.entries(QUEUE_CONSTANTS)
  .filter(([key]) => key.endsWith('_QUEUE'))
  .map(([, name]) => name as string);

/** Every Bull queue the API process registered (BullModule.registerQueue); the worker-only ones are absent. */
export function apiQueues(app: NestFastifyApplication): Queue[] {
  // Through ModuleRef: the app proxy turns a missing provider into process.exit (abortOnError), not a throw.
  const moduleRef = app.get(ModuleRef);
  const queues: Queue[] = [];
  for (const name of QUEUE_NAMES) {
    try {
      queues.push(moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    } catch {
      // not registered in this process
    }
  }
  return queues;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Board routes that only read; every other method changes a queue or a job and is audited before it runs. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BOARD_STAFF = Symbol('queueBoardStaff');

/**
 * What a board action is, from its route (`/api/queues/:queueName/:jobId/retry` → `retry`) and parameters: the
 * queue, the job, the job state or scheduler it names. Never the request body (a job's data may be edited there).
 */
export function boardAction(
  method: string,
  route: string,
  params: Record<string, string | undefined>,
): { action: string; queue: string | null; details: Record<string, string> } {
  const path = route.startsWith(QUEUE_BOARD_PREFIX) ? route.slice(QUEUE_BOARD_PREFIX.length) : route;
  const words = path.split('/').filter((w) => w && !w.startsWith(':') && w !== 'api' && w !== 'queues');
  const action = words.join('-') || 'unknown';
  const details: Record<string, string> = { action, method, route: path };
  for (const key of ['jobId', 'queueStatus', 'schedulerId'] as const) {
    const value = params[key];
    if (value) details[key] = value.slice(0, 100);
  }
  return { action, queue: params.queueName?.slice(0, 64) ?? null, details };
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403 | 503, message: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({
      statusCode: status,
      code:
        status === 401 ? ApiErrorCode.Unauthenticated : status === 403 ? ApiErrorCode.Forbidden : ApiErrorCode.Internal,
      message,
      requestId: String(request.id),
    });
}

/**
 * Mounts bull-board at `/api/admin/queues` for system administrators. bull-board registers raw Fastify
 * routes outside Nest (so AuthGuard never sees them): the onRequest hook below guards every one of them.
 * It accepts a ticket from `POST /api/v1/admin/queues/session`, either as `?ticket=` (the link the console
 * opens), which it then also sets as an HttpOnly, SameSite=Strict cookie limited to the board's path so the
 * board's own XHRs and assets are authorised, or from that cookie. No ticket, a forged or expired one: 401;
 * a ticket whose account is no longer an active system-admin (or whose sessions were ended): 401/403.
 * Must be registered before the static front ends: bull-board registers @fastify/static with decorateReply.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const tickets = app.get(QueueBoardTicketService, { strict: false });
  const staff = app.get(StaffRepository, { strict: false });
  const audit = app.get(AuditService, { strict: false });
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: apiQueues(app).map((q) => new BullAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'healthcode queues' } },
  });
  serverAdapter.setBasePath(QUEUE_BOARD_PREFIX);

  const guarded = async (fastify: FastifyInstance) => {
    fastify.addHook('onRequest', async (request, reply) => {
      const fromQuery = (request.query as Record<string, unknown> | undefined)?.ticket;
      const raw = typeof fromQuery === 'string' ? fromQuery : cookieValue(request.headers.cookie, QUEUE_BOARD_COOKIE);
      const ticket = await tickets.verify(raw);
      if (!ticket)
        return refuse(
          request,
          reply,
          401,
          'Open the queue dashboard from the console: the ticket is missing, expired or invalid',
        );
      const account = await staff.findById(ticket.staffId);
      const revokedAt = account?.sessionsValidAfter?.getTime() ?? -1;
      if (
        !account ||
        account.disabled ||
        account.role !== ticket.role ||
        account.regionScope !== ticket.regionScope ||
        ticket.issuedAt * 1000 <= revokedAt
      ) {
        return refuse(request, reply, 401, 'Your session has ended: please log in again');
      }
      if (account.role !== 'system-admin')
        return refuse(request, reply, 403, `Your role (${account.role}) cannot use this route`);
      if (typeof fromQuery === 'string') {
        const maxAge = Math.max(0, ticket.expiresAt - wallClock.epochSeconds());
        const secure = request.protocol === 'https' ? '; Secure' : '';
        reply.header(
          'set-cookie',
          `${QUEUE_BOARD_COOKIE}=${encodeURIComponent(raw!)}; Path=${QUEUE_BOARD_PREFIX}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`,
        );
      }
      reply.header('cache-control', 'no-store');
      (request as unknown as Record<symbol, unknown>)[BOARD_STAFF] = account;
      return undefined;
    });
    // Retry, remove, clean, promote, pause, empty, add, edit...: recorded (who, what, which queue and job) before
    // the board runs it; when the entry cannot be written the action does not run.
    fastify.addHook('preHandler', async (request, reply) => {
      if (READ_METHODS.has(request.method)) return undefined;
      const account = (request as unknown as Record<symbol, { id: string; role: string; regionScope: string }>)[
        BOARD_STAFF
      ];
      const what = boardAction(
        request.method,
        request.routeOptions.url ?? request.url,
        (request.params ?? {}) as Record<string, string | undefined>,
      );
      try {
        await audit.record({
          actor: { kind: 'staff', staffId: account.id, role: account.role },
          action: 'queue.board-action',
          target: { type: 'queue', id: what.queue ?? 'all' },
          region: null,
          details: what.details,
        });
      } catch (error) {
        request.log.error({ err: error }, 'could not audit a queue dashboard action');
        return refuse(
          request,
          reply,
          503,
          'The action could not be recorded in the audit log, so it was not run: try again',
        );
      }
      return undefined;
    });
    await fastify.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_BOARD_PREFIX });
  };
  await app.register(guarded as never);
}
