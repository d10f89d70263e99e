import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AppealsOverridesNotifications1795948368979 implements MigrationInterface {
  name = 'AppealsOverridesNotifications1795948368979';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`appeal_counters\` (\`name\` varchar(32) NOT NULL, \`value\` int UNSIGNED NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`appeal_events\` (\`id\` binary(16) NOT NULL, \`appeal_id\` binary(16) NOT NULL, \`at\` datetime(3) NOT NULL, \`type\` varchar(24) NOT NULL, \`actor_kind\` varchar(10) NOT NULL, \`actor_staff_id\` binary(16) NULL, \`status_after\` varchar(16) NOT NULL, \`message\` text NULL, \`data\` json NULL, INDEX \`ix_appeal_events_appeal\` (\`appeal_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`appeal_evidence\` (\`id\` binary(16) NOT NULL, \`appeal_id\` binary(16) NOT NULL, \`event_id\` binary(16) NOT NULL, \`sha256\` binary(32) NOT NULL, \`media_type\` varchar(32) NOT NULL, \`size\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_appeal_evidence_appeal\` (\`appeal_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`appeal_region_policies\` (\`region_prefix\` varchar(6) NOT NULL, \`first_response_seconds\` int UNSIGNED NOT NULL, \`decision_seconds\` int UNSIGNED NOT NULL, \`lowering_needs_approval\` tinyint NOT NULL, PRIMARY KEY (\`region_prefix\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`appeals\` (\`id\` binary(16) NOT NULL, \`number\` int UNSIGNED NOT NULL, \`resident_id\` binary(16) NOT NULL, \`rule_id\` varchar(64) NOT NULL, \`reason_key\` varchar(191) NOT NULL, \`open_reason_key\` varchar(191) NULL, \`reason_snapshot\` json NOT NULL, \`category\` varchar(24) NOT NULL, \`statement\` text NOT NULL, \`region\` varchar(6) NOT NULL, \`status\` varchar(16) NOT NULL, \`assigned_to\` binary(16) NULL, \`escalated_to\` binary(16) NULL, \`decision\` json NULL, \`submitted_at\` datetime(3) NOT NULL, \`first_response_due_at\` datetime(3) NOT NULL, \`decision_due_at\` datetime(3) NOT NULL, \`first_responded_at\` datetime(3) NULL, \`decided_at\` datetime(3) NULL, \`closed_at\` datetime(3) NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`ix_appeals_status\` (\`status\`, \`region\`), INDEX \`ix_appeals_assignee\` (\`assigned_to\`, \`status\`), INDEX \`ix_appeals_resident\` (\`resident_id\`, \`submitted_at\`), UNIQUE INDEX \`uq_appeals_open_reason\` (\`resident_id\`, \`open_reason_key\`), UNIQUE INDEX \`uq_appeals_number\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`dev_messages\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`outbox_id\` binary(16) NOT NULL, \`title\` json NOT NULL, \`body\` json NOT NULL, \`appeal_number\` int UNSIGNED NULL, \`at\` datetime(3) NOT NULL, INDEX \`ix_dev_messages_resident\` (\`resident_id\`, \`at\`), UNIQUE INDEX \`uq_dev_messages_outbox\` (\`outbox_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notification_outbox\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`channel\` varchar(8) NOT NULL, \`payload\` json NOT NULL, \`dedupe_key\` varchar(96) NOT NULL, \`status\` varchar(16) NOT NULL, \`attempts\` int UNSIGNED NOT NULL DEFAULT '0', \`last_error\` varchar(255) NULL, \`created_at\` datetime(3) NOT NULL, \`sent_at\` datetime(3) NULL, INDEX \`ix_notification_outbox_resident\` (\`resident_id\`, \`created_at\`), INDEX \`ix_notification_outbox_status\` (\`status\`, \`created_at\`), UNIQUE INDEX \`uq_notification_outbox_dedupe\` (\`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notification_recipients\` (\`resident_id\` binary(16) NOT NULL, \`channel\` varchar(8) NOT NULL, \`recipient_enc\` varchar(512) NOT NULL, \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`resident_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`fact_corrections\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`row_hash\` binary(32) NOT NULL, \`authority_fact_id\` binary(16) NULL, \`appeal_id\` binary(16) NULL, \`created_by\` binary(16) NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_fact_corrections_resident_row\` (\`resident_id\`, \`row_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff_overrides\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`color\` varchar(8) NOT NULL, \`until\` date NOT NULL, \`reason\` text NOT NULL, \`status\` varchar(10) NOT NULL, \`appeal_id\` binary(16) NULL, \`created_by\` binary(16) NOT NULL, \`approved_by\` binary(16) NULL, \`created_at\` datetime(3) NOT NULL, \`approved_at\` datetime(3) NULL, INDEX \`ix_staff_overrides_resident\` (\`resident_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_staff_overrides_resident\` ON \`staff_overrides\``);
    await queryRunner.query(`DROP TABLE \`staff_overrides\``);
    await queryRunner.query(`DROP INDEX \`uq_fact_corrections_resident_row\` ON \`fact_corrections\``);
    await queryRunner.query(`DROP TABLE \`fact_corrections\``);
    await queryRunner.query(`DROP TABLE \`notification_recipients\``);
    await queryRunner.query(`DROP INDEX \`uq_notification_outbox_dedupe\` ON \`notification_outbox\``);
    await queryRunner.query(`DROP INDEX \`ix_notification_outbox_status\` ON \`notification_outbox\``);
    await queryRunner.query(`DROP INDEX \`ix_notification_outbox_resident\` ON \`notification_outbox\``);
    await queryRunner.query(`DROP TABLE \`notification_outbox\``);
    await queryRunner.query(`DROP INDEX \`uq_dev_messages_outbox\` ON \`dev_messages\``);
    await queryRunner.query(`DROP INDEX \`ix_dev_messages_resident\` ON \`dev_messages\``);
    await queryRunner.query(`DROP TABLE \`dev_messages\``);
    await queryRunner.query(`DROP INDEX \`uq_appeals_number\` ON \`appeals\``);
    await queryRunner.query(`DROP INDEX \`uq_appeals_open_reason\` ON \`appeals\``);
    await queryRunner.query(`DROP INDEX \`ix_appeals_resident\` ON \`appeals\``);
    await queryRunner.query(`DROP INDEX \`ix_appeals_assignee\` ON \`appeals\``);
    await queryRunner.query(`DROP INDEX \`ix_appeals_status\` ON \`appeals\``);
    await queryRunner.query(`DROP TABLE \`appeals\``);
    await queryRunner.query(`DROP TABLE \`appeal_region_policies\``);
    await queryRunner.query(`DROP INDEX \`ix_appeal_evidence_appeal\` ON \`appeal_evidence\``);
    await queryRunner.query(`DROP TABLE \`appeal_evidence\``);
    await queryRunner.query(`DROP INDEX \`ix_appeal_events_appeal\` ON \`appeal_events\``);
    await queryRunner.query(`DROP TABLE \`appeal_events\``);
    await queryRunner.query(`DROP TABLE \`appeal_counters\``);
  }
}
