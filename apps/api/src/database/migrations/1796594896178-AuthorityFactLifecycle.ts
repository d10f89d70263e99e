import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Authority facts carry where they happened and are corrected in place; what each import changed is kept. */
export class AuthorityFactLifecycle1796594896178 implements MigrationInterface {
  name = 'AuthorityFactLifecycle1796594896178';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`authority_facts\` ADD \`region\` varchar(6) NULL, ADD \`updated_at\` datetime(3) NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`authority_imports\` ADD \`rows_updated\` int NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE TABLE \`authority_fact_changes\` (\`id\` binary(16) NOT NULL, \`fact_id\` binary(16) NOT NULL, \`id_hmac\` binary(32) NOT NULL, \`import_seq\` int NOT NULL, \`change\` varchar(16) NOT NULL, \`fact_kind\` varchar(16) NOT NULL, \`fields\` json NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`ix_authority_fact_changes_hmac_seq\` (\`id_hmac\`, \`import_seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_authority_fact_changes_hmac_seq\` ON \`authority_fact_changes\``);
    await queryRunner.query(`DROP TABLE \`authority_fact_changes\``);
    await queryRunner.query(`ALTER TABLE \`authority_imports\` DROP COLUMN \`rows_updated\``);
    await queryRunner.query(`ALTER TABLE \`authority_facts\` DROP COLUMN \`updated_at\`, DROP COLUMN \`region\``);
  }
}
