import { APPEAL_DUE_SOON_HOURS } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import { Clock } from '../clock/clock';
import { MetricsRepository } from './metrics.repository';

/**
 * Every Prometheus metric of one process (API or worker), served on the separate metrics port. Counters and
 * histograms are updated where things happen; gauges read the database or the queues when Prometheus scrapes.
 * Labels never carry personal data: routes are patterns (`/api/v1/appeals/:number`), never URLs.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly queues: Queue[] = [];

  readonly httpDuration = new Histogram({
    name: 'hc_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly scans = new Counter({
    name: 'hc_scans_total',
    help: 'Checkpoint scans answered, by outcome: admitted, not-admitted (colour), refused (invalid token).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'hc_queue_job_duration_seconds',
    help: 'Time a queue job spent processing, by queue, job name and result.',
    labelNames: ['queue', 'job', 'result'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  readonly auditChainOk = new Gauge({
    name: 'hc_audit_chain_ok',
    help: "1 when the worker's last verification of the audit log's hash chain found it intact, 0 when broken.",
    registers: [this.registry],
  });

  readonly auditChainVerifiedAt = new Gauge({
    name: 'hc_audit_chain_verified_timestamp_seconds',
    help: 'When the audit chain was last verified (Unix seconds).',
    registers: [this.registry],
  });

  constructor(
    private readonly repository: MetricsRepository,
    private readonly clock: Clock,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'hc_process_' });
    const repo = this.repository;
    const now = () => this.clock.now();
    const queues = this.queues;
    new Gauge({
      name: 'hc_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, delayed, failed, completed).',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const queue of queues) {
          const counts = await queue.getJobCounts();
          for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, Number(n));
        }
      },
    });
    const rescore = (
      name: string,
      help: string,
      pick: (r: Awaited<ReturnType<MetricsRepository['rescoreProgress']>>) => number,
    ) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          this.set(pick(await repo.rescoreProgress(now())));
        },
      });
    rescore('hc_rescore_open_runs', 'Re-score runs available and not finished.', (r) => r.runs);
    rescore('hc_rescore_residents_total', 'Residents to re-score in the open runs.', (r) => r.total);
    rescore('hc_rescore_residents_done', 'Residents already re-scored in the open runs.', (r) => r.done);
    rescore('hc_rescore_oldest_open_run_seconds', 'Age of the oldest open re-score run.', (r) => r.oldestOpenSeconds);
    new Gauge({
      name: 'hc_appeals',
      help: `Undecided appeals: open, decision due within ${APPEAL_DUE_SOON_HOURS} h (at risk), past the decision deadline.`,
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const b = await repo.appealBacklog(now(), APPEAL_DUE_SOON_HOURS * 3600_000);
        this.set({ state: 'open' }, b.open);
        this.set({ state: 'due-soon' }, b.dueSoon);
        this.set({ state: 'breached' }, b.breached);
      },
    });
    new Gauge({
      name: 'hc_notifications',
      help: 'Resident notifications in the outbox by status (failed: retries left; undeliverable: given up).',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [status, n] of Object.entries(await repo.notificationsByStatus())) this.set({ status }, n);
      },
    });
    new Gauge({
      name: 'hc_db_pool_connections',
      help: 'Database pool: open, idle and in-use connections, requests waiting, and the limit.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = repo.poolUse();
        this.set({ state: 'open' }, p.open);
        this.set({ state: 'idle' }, p.idle);
        this.set({ state: 'in-use' }, p.open - p.idle);
        this.set({ state: 'waiting' }, p.waiting);
        this.set({ state: 'limit' }, p.limit);
      },
    });
  }

  /** Counts a queue's depth on every scrape and times every job this process finishes on it. */
  watchQueue(queue: Queue): void {
    if (this.queues.includes(queue)) return;
    this.queues.push(queue);
    const observe =
      (result: 'completed' | 'failed') => (job: { name: string; processedOn?: number; finishedOn?: number }) => {
        if (job.processedOn && job.finishedOn)
          this.jobDuration.observe(
            { queue: queue.name, job: job.name, result },
            (job.finishedOn - job.processedOn) / 1000,
          );
      };
    queue.on('completed', observe('completed'));
    queue.on('failed', observe('failed'));
  }
}
