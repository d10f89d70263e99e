import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';

import { MAINTENANCE_QUEUE, SIGN_AUDIT_HEAD_JOB } from '../queue/queue-names.constant';
import { AuditHeadSignerService } from './audit-head-signer.service';

/** Thin: signs the audit chain head on the worker's schedule (AUDIT_SIGN_EVERY_MINUTES); Bull retries a failure. */
@Processor(MAINTENANCE_QUEUE)
export class AuditHeadSignProcessor {
  private readonly logger = new Logger(AuditHeadSignProcessor.name);

  constructor(private readonly signer: AuditHeadSignerService) {}

  @Process(SIGN_AUDIT_HEAD_JOB)
  async sign(): Promise<{ seq: number; signed: boolean }> {
    const result = await this.signer.signHead();
    if (result.signed) this.logger.log({ seq: result.seq }, 'audit chain head signed');
    return result;
  }
}
