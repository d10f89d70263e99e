import { cstDate } from '@healthcode/contracts';
import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { EXPIRE_CODES_JOB, MAINTENANCE_QUEUE } from '../queue/queue-names.constant';
import { CodeRepository } from './code.repository';
import { CodeService } from './code.service';

const BATCH = 500;

/**
 * Turns codes green (or otherwise updates them) once time alone has changed them, recording the cause
 * "expired". Reads also re-evaluate stale codes, so a late run never shows anyone a stale colour.
 */
@Processor(MAINTENANCE_QUEUE)
export class ExpireCodesProcessor {
  private readonly logger = new Logger(ExpireCodesProcessor.name);

  constructor(
    private readonly codes: CodeRepository,
    private readonly service: CodeService,
    private readonly clock: Clock,
  ) {}

  @Process(EXPIRE_CODES_JOB)
  async expire(): Promise<{ rescored: number }> {
    const now = this.clock.now();
    let rescored = 0;
    for (;;) {
      const ids = await this.codes.findStale(now, BATCH);
      for (const id of ids) {
        await this.service.rescoreOne(id, 'expiry', `expiry:${cstDate(now)}`);
        rescored++;
      }
      if (ids.length < BATCH) break;
    }
    if (rescored > 0) this.logger.log({ rescored }, 'expired codes re-evaluated');
    return { rescored };
  }
}
