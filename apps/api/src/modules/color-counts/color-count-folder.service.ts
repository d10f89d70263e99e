import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { ColorCountsRepository } from './color-counts.repository';

/** How often each process tries to fold the counters' outbox (only one process folds at a time). */
export const COLOR_COUNT_FOLD_INTERVAL_MS = 1_000;
const FOLD_BATCH = 5_000;

/**
 * Folds `color_count_deltas` into the counters in the background, in every API and worker process: each
 * second, batch after batch until the outbox is empty. Whichever process holds the fold lock does the work;
 * the others skip. The statistics never wait for it (reads add pending rows), so a stopped folder costs only a
 * longer outbox.
 */
@Injectable()
export class ColorCountFolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ColorCountFolder.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly counts: ColorCountsRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), COLOR_COUNT_FOLD_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Folds until the outbox is empty (or another process holds the lock); never two at once in a process. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        while (this.timer && (await this.counts.fold(FOLD_BATCH)) === FOLD_BATCH);
      } catch (error) {
        this.log.warn(`Folding the colour counters failed; the next tick retries: ${(error as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
