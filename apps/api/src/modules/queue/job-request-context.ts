import { Injectable } from '@nestjs/common';
import Bull from 'bull';
import { PinoLogger } from 'nestjs-pino';

/** The request id of the log context we are in: an HTTP request's (`req.id`) or a job's (`requestId`). */
function requestIdOf(logger: PinoLogger): string | undefined {
  const bindings = logger.logger.bindings() as { requestId?: unknown; req?: { id?: unknown } };
  const id = bindings.requestId ?? bindings.req?.id;
  return typeof id === 'string' ? id : undefined;
}

let pino: PinoLogger | undefined;

type JobOptions = Bull.JobOptions & { requestId?: string };
const withRequestId = (opts: JobOptions | undefined): JobOptions | undefined => {
  const requestId = pino ? requestIdOf(pino) : undefined;
  return requestId && !opts?.requestId ? { ...opts, requestId } : opts;
};

type AnyQueue = Bull.Queue & {
  setHandler(name: string, handler: unknown): void;
};
const proto = Bull.prototype as unknown as AnyQueue;
const add = proto.add as (...args: unknown[]) => Promise<Bull.Job>;
const addBulk = proto.addBulk;
const setHandler = proto.setHandler;

// Producers: every job added while serving a request (or while processing a job that carries one) gets the
// request id in its options, stored with the job (bull-board shows it). Job data is left alone: processors parse it.
(proto as { add: unknown }).add = function (this: Bull.Queue, ...args: unknown[]) {
  const at = typeof args[0] === 'string' ? 2 : 1;
  args[at] = withRequestId(args[at] as JobOptions | undefined);
  return add.apply(this, args);
};
proto.addBulk = function (this: Bull.Queue, jobs: Parameters<Bull.Queue['addBulk']>[0]) {
  return addBulk.call(
    this,
    jobs.map((job) => ({ ...job, opts: withRequestId(job.opts) })),
  );
};

// Consumers: every handler runs in its own log context, so each line the job logs carries the queue, the job id
// and the request id it was enqueued under (nestjs-pino's runInContext, what its HTTP middleware does per request).
proto.setHandler = function (this: Bull.Queue, name: string, handler: unknown) {
  if (typeof handler !== 'function') return setHandler.call(this, name, handler);
  const queue = this.name;
  const fn = handler as (job: Bull.Job, done?: unknown) => unknown;
  const inContext = (job: Bull.Job, run: () => unknown) => {
    if (!pino) return run();
    const requestId = (job.opts as JobOptions).requestId;
    return pino.runInContext(run, { bindings: { queue, jobId: String(job.id), ...(requestId ? { requestId } : {}) } });
  };
  // Bull tells callback handlers from promise ones by their arity: keep it.
  const wrapped =
    fn.length > 1
      ? function (this: unknown, job: Bull.Job, done: unknown) {
          return inContext(job, () => fn.call(this, job, done));
        }
      : function (this: unknown, job: Bull.Job) {
          return inContext(job, () => fn.call(this, job));
        };
  return setHandler.call(this, name, wrapped);
};

/**
 * Carries pino request ids into Bull jobs and back into the logs of the worker that runs them (issue #18,
 * "logs stay pino JSON with request ids, carried into jobs"). Provided by the API and the worker modules; importing
 * this file installs the hooks on Bull's Queue, this provider gives them the app's logger.
 */
@Injectable()
export class JobRequestContext {
  constructor(logger: PinoLogger) {
    pino = logger;
  }
}
