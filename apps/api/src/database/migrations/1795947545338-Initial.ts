import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795947545338 implements MigrationInterface {
  name = 'Initial1795947545338';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`access_log\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`staff_id\` binary(16) NULL, \`role\` varchar(32) NOT NULL, \`purpose\` varchar(128) NOT NULL, \`scope\` varchar(32) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`ix_access_log_resident\` (\`resident_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`authority_facts\` (\`id\` binary(16) NOT NULL, \`kind\` varchar(16) NOT NULL, \`id_hmac\` binary(32) NOT NULL, \`data\` json NOT NULL, \`row_hash\` binary(32) NOT NULL, \`import_id\` varchar(40) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_authority_facts_row_hash\` (\`row_hash\`), INDEX \`ix_authority_facts_id_hmac\` (\`id_hmac\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`code_history\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`at\` datetime(3) NOT NULL, \`cause\` varchar(24) NOT NULL, \`cause_ref\` varchar(64) NOT NULL, \`color_before\` varchar(8) NULL, \`color_after\` varchar(8) NOT NULL, \`reasons_before\` json NOT NULL, \`reasons_after\` json NOT NULL, \`green_at_after\` date NULL, UNIQUE INDEX \`uq_code_history_cause\` (\`resident_id\`, \`cause\`, \`cause_ref\`), INDEX \`ix_code_history_resident\` (\`resident_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`resident_codes\` (\`resident_id\` binary(16) NOT NULL, \`color\` varchar(8) NOT NULL, \`reasons\` json NOT NULL, \`green_at\` date NULL, \`green_when\` json NULL, \`steps\` json NOT NULL, \`rule_set_version\` int NOT NULL, \`code_id\` varchar(32) NOT NULL, \`code_version\` int NOT NULL DEFAULT '1', \`color_changed_at\` datetime(3) NOT NULL, \`region\` varchar(6) NOT NULL, \`evaluated_at\` datetime(3) NOT NULL, \`stale_at\` datetime(3) NULL, UNIQUE INDEX \`uq_resident_codes_code_id\` (\`code_id\`), INDEX \`ix_resident_codes_stale_at\` (\`stale_at\`), INDEX \`ix_resident_codes_region_color\` (\`region\`, \`color\`), PRIMARY KEY (\`resident_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`check_ins\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`day\` date NOT NULL, \`healthy\` tinyint NOT NULL, \`temperature\` decimal(3,1) NULL, \`symptoms\` json NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_check_ins_resident_day\` (\`resident_id\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`declarations\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`current_region\` varchar(6) NOT NULL, \`stays\` json NOT NULL, \`symptoms\` json NOT NULL, \`contact_date\` date NULL, \`declared_at\` datetime(3) NOT NULL, INDEX \`ix_declarations_resident\` (\`resident_id\`, \`declared_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`residents\` (\`id\` binary(16) NOT NULL, \`host_key\` binary(32) NOT NULL, \`host_provider\` varchar(16) NOT NULL, \`consent_version\` varchar(32) NULL, \`consent_at\` datetime(3) NULL, \`pii_key_id\` varchar(16) NULL, \`name_enc\` varchar(512) NULL, \`name_masked\` varchar(80) NULL, \`id_type\` varchar(16) NULL, \`id_hmac\` binary(32) NULL, \`id_enc\` varchar(512) NULL, \`id_masked\` varchar(40) NULL, \`phone_hmac\` binary(32) NULL, \`phone_enc\` varchar(512) NULL, \`phone_masked\` varchar(24) NULL, \`home_region\` varchar(6) NULL, \`current_region\` varchar(6) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`deleted_at\` datetime(3) NULL, UNIQUE INDEX \`uq_residents_host_key\` (\`host_key\`), INDEX \`ix_residents_id_hmac\` (\`id_hmac\`), INDEX \`ix_residents_phone_hmac\` (\`phone_hmac\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`region_risk_levels\` (\`id\` binary(16) NOT NULL, \`region\` varchar(6) NOT NULL, \`level\` varchar(8) NOT NULL, \`effective_from\` datetime(3) NOT NULL, \`effective_to\` datetime(3) NULL, \`set_by\` binary(16) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_region_risk_levels_region\` (\`region\`, \`effective_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rule_sets\` (\`id\` binary(16) NOT NULL, \`version\` int NULL, \`status\` varchar(16) NOT NULL, \`definition\` json NOT NULL, \`changelog\` json NOT NULL, \`author_staff_id\` binary(16) NULL, \`effective_at\` datetime(3) NULL, \`published_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_rule_sets_version\` (\`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff\` (\`id\` binary(16) NOT NULL, \`username\` varchar(64) NOT NULL, \`display_name\` varchar(64) NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`role\` varchar(24) NOT NULL, \`region_scope\` varchar(6) NOT NULL, \`totp_secret_enc\` varchar(512) NULL, \`disabled\` tinyint NOT NULL DEFAULT 0, \`failed_logins\` int NOT NULL DEFAULT '0', \`locked_until\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_staff_username\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_staff_username\` ON \`staff\``);
    await queryRunner.query(`DROP TABLE \`staff\``);
    await queryRunner.query(`DROP INDEX \`uq_rule_sets_version\` ON \`rule_sets\``);
    await queryRunner.query(`DROP TABLE \`rule_sets\``);
    await queryRunner.query(`DROP INDEX \`ix_region_risk_levels_region\` ON \`region_risk_levels\``);
    await queryRunner.query(`DROP TABLE \`region_risk_levels\``);
    await queryRunner.query(`DROP INDEX \`ix_residents_phone_hmac\` ON \`residents\``);
    await queryRunner.query(`DROP INDEX \`ix_residents_id_hmac\` ON \`residents\``);
    await queryRunner.query(`DROP INDEX \`uq_residents_host_key\` ON \`residents\``);
    await queryRunner.query(`DROP TABLE \`residents\``);
    await queryRunner.query(`DROP INDEX \`ix_declarations_resident\` ON \`declarations\``);
    await queryRunner.query(`DROP TABLE \`declarations\``);
    await queryRunner.query(`DROP INDEX \`uq_check_ins_resident_day\` ON \`check_ins\``);
    await queryRunner.query(`DROP TABLE \`check_ins\``);
    await queryRunner.query(`DROP INDEX \`ix_resident_codes_region_color\` ON \`resident_codes\``);
    await queryRunner.query(`DROP INDEX \`ix_resident_codes_stale_at\` ON \`resident_codes\``);
    await queryRunner.query(`DROP INDEX \`uq_resident_codes_code_id\` ON \`resident_codes\``);
    await queryRunner.query(`DROP TABLE \`resident_codes\``);
    await queryRunner.query(`DROP INDEX \`ix_code_history_resident\` ON \`code_history\``);
    await queryRunner.query(`DROP INDEX \`uq_code_history_cause\` ON \`code_history\``);
    await queryRunner.query(`DROP TABLE \`code_history\``);
    await queryRunner.query(`DROP INDEX \`ix_authority_facts_id_hmac\` ON \`authority_facts\``);
    await queryRunner.query(`DROP INDEX \`uq_authority_facts_row_hash\` ON \`authority_facts\``);
    await queryRunner.query(`DROP TABLE \`authority_facts\``);
    await queryRunner.query(`DROP INDEX \`ix_access_log_resident\` ON \`access_log\``);
    await queryRunner.query(`DROP TABLE \`access_log\``);
  }
}
