import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signatures of the audit chain head, kept apart from the chain they vouch for. */
export class AuditHeadSignatures1796598344365 implements MigrationInterface {
  name = 'AuditHeadSignatures1796598344365';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_head_signatures\` (\`seq\` bigint NOT NULL, \`hash\` binary(32) NOT NULL, \`signed_at\` datetime(3) NOT NULL, \`kid\` varchar(64) NOT NULL, \`jws\` text NOT NULL, PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`audit_head_signatures\``);
  }
}
