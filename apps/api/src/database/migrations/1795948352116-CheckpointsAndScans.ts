import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckpointsAndScans1795948352116 implements MigrationInterface {
  name = 'CheckpointsAndScans1795948352116';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`checkpoint_refusals\` (\`id\` binary(16) NOT NULL, \`checkpoint_id\` binary(16) NOT NULL, \`reason\` varchar(24) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`ix_checkpoint_refusals_checkpoint_time\` (\`checkpoint_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`checkpoint_scans\` (\`checkpoint_id\` binary(16) NOT NULL, \`client_scan_id\` varchar(64) NOT NULL, \`code_id\` varchar(32) NULL, \`color\` varchar(8) NULL, \`admitted\` tinyint NOT NULL, \`reason\` varchar(24) NOT NULL, \`scanned_at\` datetime(3) NOT NULL, INDEX \`ix_checkpoint_scans_scanned_at\` (\`scanned_at\`), INDEX \`ix_checkpoint_scans_checkpoint_time\` (\`checkpoint_id\`, \`scanned_at\`), INDEX \`ix_checkpoint_scans_code\` (\`code_id\`, \`scanned_at\`), PRIMARY KEY (\`checkpoint_id\`, \`client_scan_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`checkpoints\` (\`id\` binary(16) NOT NULL, \`name\` varchar(64) NOT NULL, \`kind\` varchar(16) NOT NULL, \`region\` varchar(6) NOT NULL, \`place\` varchar(200) NOT NULL, \`admits\` json NOT NULL, \`disabled\` tinyint NOT NULL DEFAULT 0, \`created_by\` binary(16) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_checkpoints_region\` (\`region\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`checkpoint_devices\` (\`id\` binary(16) NOT NULL, \`checkpoint_id\` binary(16) NOT NULL, \`label\` varchar(64) NOT NULL, \`secret_hash\` binary(32) NOT NULL, \`created_by\` binary(16) NULL, \`created_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, INDEX \`ix_checkpoint_devices_checkpoint\` (\`checkpoint_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`contact_tracing_requests\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`case_reference\` varchar(64) NOT NULL, \`justification\` varchar(500) NOT NULL, \`status\` varchar(16) NOT NULL, \`requested_by\` binary(16) NOT NULL, \`requested_at\` datetime(3) NOT NULL, \`decided_by\` binary(16) NULL, \`decided_at\` datetime(3) NULL, \`note\` varchar(500) NULL, INDEX \`ix_contact_tracing_requests_status\` (\`status\`, \`requested_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_contact_tracing_requests_status\` ON \`contact_tracing_requests\``);
    await queryRunner.query(`DROP TABLE \`contact_tracing_requests\``);
    await queryRunner.query(`DROP INDEX \`ix_checkpoint_devices_checkpoint\` ON \`checkpoint_devices\``);
    await queryRunner.query(`DROP TABLE \`checkpoint_devices\``);
    await queryRunner.query(`DROP INDEX \`ix_checkpoints_region\` ON \`checkpoints\``);
    await queryRunner.query(`DROP TABLE \`checkpoints\``);
    await queryRunner.query(`DROP INDEX \`ix_checkpoint_scans_code\` ON \`checkpoint_scans\``);
    await queryRunner.query(`DROP INDEX \`ix_checkpoint_scans_checkpoint_time\` ON \`checkpoint_scans\``);
    await queryRunner.query(`DROP INDEX \`ix_checkpoint_scans_scanned_at\` ON \`checkpoint_scans\``);
    await queryRunner.query(`DROP TABLE \`checkpoint_scans\``);
    await queryRunner.query(`DROP INDEX \`ix_checkpoint_refusals_checkpoint_time\` ON \`checkpoint_refusals\``);
    await queryRunner.query(`DROP TABLE \`checkpoint_refusals\``);
  }
}
