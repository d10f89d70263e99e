/**
 * Writes a migration with whatever the entities need beyond the existing migrations.
 * Usage: node dist/apps/api/src/cli/migration-generate.js <Name>   (uses a scratch database it drops afterwards)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { wallClock } from '../modules/clock/wall-clock';
import { pendingSchemaChanges, withScratchDatabase } from '../database/scratch-database.util';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give a PascalCase migration name');
  const baseUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode';
  await withScratchDatabase(baseUrl, async (url) => {
    const { up, down } = await pendingSchemaChanges(url);
    if (up.length === 0) return console.log('Entities and migrations agree: nothing to generate.');
    // Migration names sort by the wall-clock time they were written.
    const ts = wallClock.now().getTime();
    const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }
}
`;
    const file = join(process.cwd(), 'src/database/migrations', `${ts}-${name}.ts`);
    writeFileSync(file, body);
    console.log(`Wrote ${file}; add it to migrations/index.ts`);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
