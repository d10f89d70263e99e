import { Module } from '@nestjs/common';

import { PiiReencryptionProcessor } from './pii-reencryption.processor';
import { PiiReencryptionRepository } from './pii-reencryption.repository';
import { PiiReencryptionScheduler } from './pii-reencryption.scheduler';
import { PiiReencryptionService } from './pii-reencryption.service';

/** The worker side of key rotation. Needs the maintenance queue registered. */
@Module({
  providers: [PiiReencryptionRepository, PiiReencryptionService, PiiReencryptionProcessor, PiiReencryptionScheduler],
})
export class SecurityWorkerModule {}
