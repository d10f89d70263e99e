import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthorityFactsImportIndex1795948464627 implements MigrationInterface {
  name = 'AuthorityFactsImportIndex1795948464627';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`ix_authority_facts_import\` ON \`authority_facts\` (\`import_id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_authority_facts_import\` ON \`authority_facts\``);
  }
}
