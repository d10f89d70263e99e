import { Module } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CodeTokenRetentionPurger } from '../keys/code-token-retention.purger';
import { SCAN_SETTINGS, scanSettings } from './scan-settings.util';
import { ScanRetentionPurger } from './scan-retention.purger';
import { ScanRepository } from './scan.repository';

/** The worker side of checkpoints: registers the scan and token-link purgers with the shared retention job. */
@Module({
  providers: [
    { provide: SCAN_SETTINGS, useFactory: (config: AppConfig) => scanSettings(config), inject: [APP_CONFIG] },
    ScanRepository,
    ScanRetentionPurger,
    CodeTokenRetentionPurger,
  ],
})
export class CheckpointWorkerModule {}
