import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mutual recognition (#19): the trust list of peer issuers, and each checkpoint's admission policy for peers. */
export class MutualRecognition1796601200000 implements MigrationInterface {
  name = 'MutualRecognition1796601200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`trusted_issuers\` (\`id\` binary(16) NOT NULL, \`issuer_id\` varchar(32) NOT NULL, \`region\` varchar(16) NOT NULL, \`contact\` varchar(200) NOT NULL, \`source\` varchar(8) NOT NULL, \`document_url\` varchar(2048) NULL, \`jwks\` json NOT NULL, \`status\` varchar(12) NOT NULL, \`not_before\` datetime(3) NOT NULL, \`not_after\` datetime(3) NOT NULL, \`requested_by\` binary(16) NOT NULL, \`requested_at\` datetime(3) NOT NULL, \`approved_by\` binary(16) NULL, \`approved_at\` datetime(3) NULL, \`suspended_reason\` varchar(200) NULL, \`version\` int NOT NULL DEFAULT 0, UNIQUE INDEX \`ux_trusted_issuers_issuer\` (\`issuer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`checkpoints\` ADD \`peer_admits\` json NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`checkpoints\` DROP COLUMN \`peer_admits\``);
    await queryRunner.query(`DROP INDEX \`ux_trusted_issuers_issuer\` ON \`trusted_issuers\``);
    await queryRunner.query(`DROP TABLE \`trusted_issuers\``);
  }
}
