import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionRevocation1796593955888 implements MigrationInterface {
  name = 'SessionRevocation1796593955888';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`resident_session_epochs\` (\`resident_id\` binary(16) NOT NULL, \`epoch\` int NOT NULL, \`revoked_at\` datetime(3) NOT NULL, PRIMARY KEY (\`resident_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`revoked_sessions\` (\`token_id\` binary(16) NOT NULL, \`expires_at\` datetime(3) NOT NULL, INDEX \`ix_revoked_sessions_expires_at\` (\`expires_at\`), PRIMARY KEY (\`token_id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`revoked_sessions\``);
    await queryRunner.query(`DROP TABLE \`resident_session_epochs\``);
  }
}
