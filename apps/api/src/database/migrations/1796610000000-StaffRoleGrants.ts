import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Second-admin approval of privileged roles, and a staff member's own authenticator enrollment. */
export class StaffRoleGrants1796610000000 implements MigrationInterface {
  name = 'StaffRoleGrants1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`totp_pending_enc\` varchar(512) NULL`);
    await queryRunner.query(
      `CREATE TABLE \`staff_role_grants\` (\`id\` binary(16) NOT NULL, \`staff_id\` binary(16) NOT NULL, \`username\` varchar(64) NOT NULL, \`display_name\` varchar(64) NOT NULL, \`kind\` varchar(8) NOT NULL, \`role\` varchar(24) NOT NULL, \`region_scope\` varchar(6) NOT NULL, \`previous_role\` varchar(24) NULL, \`previous_region_scope\` varchar(6) NULL, \`status\` varchar(10) NOT NULL, \`requested_by\` binary(16) NOT NULL, \`requested_at\` datetime(3) NOT NULL, \`decided_by\` binary(16) NULL, \`decided_at\` datetime(3) NULL, \`reason\` varchar(200) NULL, INDEX \`idx_staff_role_grants_status\` (\`status\`, \`requested_at\`), INDEX \`idx_staff_role_grants_staff\` (\`staff_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`staff_role_grants\``);
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`totp_pending_enc\``);
  }
}
