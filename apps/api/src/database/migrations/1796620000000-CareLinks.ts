import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Acting for a family member (issue #19): care links, and who acted for whom on access-log and history rows.
 * A new table and two nullable columns; no existing row changes.
 */
export class CareLinks1796620000000 implements MigrationInterface {
  name = 'CareLinks1796620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`care_links\` (\`id\` binary(16) NOT NULL, \`carer_id\` binary(16) NOT NULL, \`dependant_id\` binary(16) NOT NULL, \`kind\` varchar(8) NOT NULL, \`status\` varchar(8) NOT NULL, \`live\` tinyint UNSIGNED NULL, \`consent_method\` varchar(24) NULL, \`created_at\` datetime(3) NOT NULL, \`confirmed_at\` datetime(3) NULL, \`confirmed_by_staff\` binary(16) NULL, \`removed_at\` datetime(3) NULL, \`removed_by\` varchar(12) NULL, INDEX \`ix_care_links_carer\` (\`carer_id\`, \`status\`), INDEX \`ix_care_links_dependant\` (\`dependant_id\`, \`status\`), UNIQUE INDEX \`uq_care_links_live\` (\`carer_id\`, \`dependant_id\`, \`live\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`access_log\` ADD \`actor_resident_id\` binary(16) NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_access_log_actor\` ON \`access_log\` (\`actor_resident_id\`, \`at\`)`);
    await queryRunner.query(`ALTER TABLE \`code_history\` ADD \`actor_resident_id\` binary(16) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`code_history\` DROP COLUMN \`actor_resident_id\``);
    await queryRunner.query(`DROP INDEX \`ix_access_log_actor\` ON \`access_log\``);
    await queryRunner.query(`ALTER TABLE \`access_log\` DROP COLUMN \`actor_resident_id\``);
    await queryRunner.query(`DROP TABLE \`care_links\``);
  }
}
