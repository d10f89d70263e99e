/**
 * `npm run audit:verify`: recomputes the audit log's hash chain from the first entry to the chain head and
 * names the first entry that does not match. Exit 0 when intact, 1 when broken, 2 when it could not run.
 */
import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { loadConfig } from '../config/load-config';
import { CoreModule } from '../core.module';
import { AuditService } from '../modules/audit/audit.service';

async function main(): Promise<number> {
  const config = await loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const result = await app.get(AuditService).verify();
    if (result.ok) {
      console.log(
        `[healthcode] audit:verify: intact, ${result.checked} entries; head ${result.head.seq} ${result.head.hash}`,
      );
      return 0;
    }
    const broken = result.firstBroken!;
    console.error(
      `[healthcode] audit:verify: BROKEN at entry ${broken.seq} (${broken.reason}): ${broken.message}; ${result.checked} entries checked`,
    );
    return 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[healthcode] audit:verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
