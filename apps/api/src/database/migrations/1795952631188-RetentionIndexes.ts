import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionIndexes1795952631188 implements MigrationInterface {
  name = 'RetentionIndexes1795952631188';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`ix_check_ins_created_at\` ON \`check_ins\` (\`created_at\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_declarations_declared_at\` ON \`declarations\` (\`declared_at\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_declarations_declared_at\` ON \`declarations\``);
    await queryRunner.query(`DROP INDEX \`ix_check_ins_created_at\` ON \`check_ins\``);
  }
}
