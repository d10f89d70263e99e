import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every QR token gets its own random id; this table is the only link from that id to the resident. */
export class PerTokenCodeIds1796593848219 implements MigrationInterface {
  name = 'PerTokenCodeIds1796593848219';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`code_tokens\` (\`token_id\` varchar(32) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`expires_at\` datetime(3) NOT NULL, INDEX \`ix_code_tokens_resident\` (\`resident_id\`), INDEX \`ix_code_tokens_expires_at\` (\`expires_at\`), PRIMARY KEY (\`token_id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_code_tokens_expires_at\` ON \`code_tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_code_tokens_resident\` ON \`code_tokens\``);
    await queryRunner.query(`DROP TABLE \`code_tokens\``);
  }
}
