import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';

import { SCAN_WRITER_OPTIONS, type ScanWriterOptions } from './scan-writer.options';
import { ScanRepository, type ScanRow } from './scan.repository';

interface Waiting {
  row: ScanRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for single scans. The first scan of a window starts a timer; when it fires (or the window
 * fills) every waiting scan goes into one multi-row INSERT IGNORE, and each request is answered only after
 * that statement has committed. A failed write rejects every scan of its window: none was acknowledged,
 * and the devices retry with the same clientScanIds. Windows may overlap while a slow commit is in flight.
 */
@Injectable()
export class ScanWriterService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ScanWriterService.name);
  private pending: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly scans: ScanRepository,
    @Inject(SCAN_WRITER_OPTIONS) private readonly options: ScanWriterOptions,
  ) {}

  /** Resolves once the scan is committed. */
  write(row: ScanRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.pending.length >= this.options.maxRows) this.flush();
      else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const done = this.scans.insertIgnore(batch.map((w) => w.row)).then(
      () => batch.forEach((w) => w.resolve()),
      (error: unknown) => {
        this.logger.error({ err: error, rows: batch.length }, 'scan batch not committed');
        batch.forEach((w) => w.reject(error));
      },
    );
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** Writes what is waiting before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }
}
