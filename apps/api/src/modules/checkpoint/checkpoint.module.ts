import { Module } from '@nestjs/common';

import { CardModule } from '../card/card.module';
import { TrustModule } from '../trust/trust.module';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CheckpointErasureOwner } from './checkpoint-erasure.owner';
import { CheckpointController } from './checkpoint.controller';
import { CheckpointRepository } from './checkpoint.repository';
import { CheckpointService } from './checkpoint.service';
import { DeviceAuthService } from './device-auth.service';
import { DeviceGuard } from './device.guard';
import { MyScansController } from './my-scans.controller';
import { DEFAULT_SCAN_WRITER_OPTIONS, SCAN_WRITER_OPTIONS } from './scan-writer.options';
import { ScanWriterService } from './scan-writer.service';
import { ScanController } from './scan.controller';
import { SCAN_SETTINGS, scanSettings } from './scan-settings.util';
import { ScanRetentionPurger } from './scan-retention.purger';
import { ScanRepository } from './scan.repository';
import { ScanService } from './scan.service';
import { TracingController } from './tracing.controller';
import { TracingRequestRepository } from './tracing-request.repository';
import { TracingService } from './tracing.service';

/** Checkpoints, devices, scanning, residents' own scans and contact tracing (HTTP side; CoreModule is global). */
@Module({
  imports: [CardModule, TrustModule],
  controllers: [CheckpointController, ScanController, MyScansController, TracingController],
  providers: [
    { provide: SCAN_SETTINGS, useFactory: (config: AppConfig) => scanSettings(config), inject: [APP_CONFIG] },
    { provide: SCAN_WRITER_OPTIONS, useValue: DEFAULT_SCAN_WRITER_OPTIONS },
    CheckpointErasureOwner,
    CheckpointRepository,
    CheckpointService,
    DeviceAuthService,
    DeviceGuard,
    ScanRepository,
    ScanRetentionPurger,
    ScanService,
    ScanWriterService,
    TracingRequestRepository,
    TracingService,
  ],
})
export class CheckpointModule {}
