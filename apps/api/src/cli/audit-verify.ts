/**
 * `npm run audit:verify`: recomputes the audit log's hash chain from the first entry to the chain head, checks it
 * against every chain head the deployment signed, and names the first entry that does not match. Exit 0 when intact, 1 when broken, 2 when it could not run.
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
    const s = result.signatures;
    const signed =
      s.newestSeq === null
        ? 'no signed head yet'
        : `${s.checked} signed heads verified (newest: entry ${s.newestSeq} at ${s.newestAt})` +
          (s.unverifiable ? `, ${s.unverifiable} signed by keys no longer in the ring` : '');
    if (result.ok) {
      console.log(
        `[healthcode] audit:verify: intact, ${result.checked} entries; head ${result.head.seq} ${result.head.hash}; ${signed}`,
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
