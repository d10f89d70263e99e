import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSecurityAudit1795948172729 implements MigrationInterface {
  name = 'StaffSecurityAudit1795948172729';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_chain_head\` (\`id\` tinyint NOT NULL, \`seq\` bigint NOT NULL, \`hash\` binary(32) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_log\` (\`seq\` bigint NOT NULL, \`at\` datetime(3) NOT NULL, \`actor_kind\` varchar(8) NOT NULL, \`actor_id\` binary(16) NULL, \`actor_role\` varchar(32) NOT NULL, \`action\` varchar(64) NOT NULL, \`target_type\` varchar(32) NOT NULL, \`target_id\` varchar(64) NULL, \`region\` varchar(6) NULL, \`details\` json NOT NULL, \`prev_hash\` binary(32) NOT NULL, \`hash\` binary(32) NOT NULL, INDEX \`ix_audit_log_at\` (\`at\`), INDEX \`ix_audit_log_target\` (\`target_type\`, \`target_id\`), INDEX \`ix_audit_log_actor\` (\`actor_id\`, \`seq\`), INDEX \`ix_audit_log_action\` (\`action\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`,
    );
    // The genesis head: sequence 0 and an all-zero hash, which the first entry chains from.
    await queryRunner.query(
      `INSERT INTO \`audit_chain_head\` (\`id\`, \`seq\`, \`hash\`) VALUES (1, 0, UNHEX(REPEAT('00', 32)))`,
    );
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`totp_last_step\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`sessions_valid_after\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`last_login_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`created_by\` binary(16) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`created_by\``);
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`last_login_at\``);
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`sessions_valid_after\``);
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`totp_last_step\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_log_action\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_log_actor\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_log_target\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_log_at\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_chain_head\``);
  }
}
