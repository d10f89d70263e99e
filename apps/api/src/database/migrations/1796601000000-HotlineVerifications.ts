import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hotline-assisted verification (issue #13): an agent files a document check, a different supervisor decides.
 * A new table only; no existing row changes.
 */
export class HotlineVerifications1796601000000 implements MigrationInterface {
  name = 'HotlineVerifications1796601000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`hotline_verifications\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`id_type\` varchar(16) NOT NULL, \`id_hmac\` binary(32) NOT NULL, \`id_hmac_kid\` tinyint UNSIGNED NOT NULL DEFAULT 1, \`id_masked\` varchar(32) NOT NULL, \`document_type\` varchar(32) NOT NULL, \`reason\` varchar(500) NOT NULL, \`call_ref\` varchar(40) NOT NULL, \`region\` varchar(12) NOT NULL, \`status\` varchar(16) NOT NULL, \`requested_by\` binary(16) NOT NULL, \`requested_at\` datetime(3) NOT NULL, \`decided_by\` binary(16) NULL, \`decided_at\` datetime(3) NULL, \`note\` varchar(500) NULL, INDEX \`ix_hotline_verifications_status\` (\`status\`, \`requested_at\`), INDEX \`ix_hotline_verifications_resident\` (\`resident_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`hotline_verifications\``);
  }
}
