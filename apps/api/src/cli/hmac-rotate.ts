/**
 * `npm run hmac:rotate [-- --batch=500]`: moves every stored HMAC (ID numbers, phone numbers, host keys, in
 * residents, identity events, authority facts and their changes, dev host identities, WeChat checks) to the
 * current PII_HMAC_KEY_ID, online, a batch of values per transaction; prints what is left under older versions.
 * Exit 0 when nothing is left (the previous version can be retired: PII_HMAC_PREVIOUS_KEY_ID=none), 1 when rows
 * are left (run again), 2 when it could not run. See docs/SECURITY.md, Keys.
 */
import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { loadConfig } from '../config/load-config';
import { CoreModule } from '../core.module';
import { HmacRotationService } from '../modules/hmac-keys/hmac-rotation.service';

async function main(): Promise<number> {
  const config = await loadConfig(process.env);
  const batch = Number(process.argv.find((a) => a.startsWith('--batch='))?.slice('--batch='.length) ?? 500);
  if (!Number.isInteger(batch) || batch < 1 || batch > 5000) throw new Error('--batch must be 1 to 5000');
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const report = await app.get(HmacRotationService).rotate({ batchSize: batch });
    const left = report.left.map((l) => `${l.table}.${l.column}: ${l.rows}`).join(', ');
    console.log(
      `[healthcode] hmac:rotate: key version ${report.keyId}; moved ${report.moved} rows in ${report.batches} batches; ` +
        (left ? `left under older versions: ${left} (run again)` : 'nothing left under older versions'),
    );
    return report.left.length === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[healthcode] hmac:rotate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
