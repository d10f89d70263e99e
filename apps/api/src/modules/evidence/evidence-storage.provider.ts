import type { FactoryProvider } from '@nestjs/common';

import { APP_CONFIG, type AppConfig, type EvidenceStorageConfig } from '../../config/app-config';
import { EvidenceStorage } from './evidence-storage.port';
import { LocalDiskEvidenceStorage } from './local-disk-evidence.storage';
import { S3EvidenceStorage } from './s3-evidence.storage';

export function createEvidenceStorage(config: EvidenceStorageConfig): EvidenceStorage {
  return config.kind === 's3' ? new S3EvidenceStorage(config) : new LocalDiskEvidenceStorage(config.dir);
}

/** The configured adapter, checked once at boot: a missing bucket or wrong credentials stop the process early. */
export const EVIDENCE_STORAGE_PROVIDER: FactoryProvider<EvidenceStorage> = {
  provide: EvidenceStorage,
  useFactory: async (config: AppConfig) => {
    const storage = createEvidenceStorage(config.evidence);
    await storage.check();
    return storage;
  },
  inject: [APP_CONFIG],
};
