import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RescoreImportsStats1795948329201 implements MigrationInterface {
  name = 'RescoreImportsStats1795948329201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`authority_import_errors\` (\`id\` binary(16) NOT NULL, \`import_id\` binary(16) NOT NULL, \`line\` int NOT NULL, \`field\` varchar(40) NOT NULL, \`message\` varchar(200) NOT NULL, INDEX \`ix_authority_import_errors_import\` (\`import_id\`, \`line\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`authority_imports\` (\`id\` binary(16) NOT NULL, \`seq\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`file_sha256\` binary(32) NOT NULL, \`rows_total\` int NOT NULL, \`rows_imported\` int NOT NULL, \`rows_duplicate\` int NOT NULL, \`rows_failed\` int NOT NULL, \`matched\` int NOT NULL, \`run_id\` binary(16) NULL, \`created_by\` binary(16) NULL, \`region_scope\` varchar(6) NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_authority_imports_seq\` (\`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`color_count_days\` (\`region\` varchar(6) NOT NULL, \`day\` date NOT NULL, \`color\` varchar(8) NOT NULL, \`count\` int NOT NULL, PRIMARY KEY (\`region\`, \`day\`, \`color\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`color_counts\` (\`region\` varchar(6) NOT NULL, \`color\` varchar(8) NOT NULL, \`count\` int NOT NULL, PRIMARY KEY (\`region\`, \`color\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rescore_ranges\` (\`run_id\` binary(16) NOT NULL, \`range_start\` binary(16) NOT NULL, \`range_end\` binary(16) NOT NULL, \`residents\` int NOT NULL, \`done_at\` datetime(3) NULL, \`changed\` int NOT NULL DEFAULT '0', \`result\` json NULL, PRIMARY KEY (\`run_id\`, \`range_start\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rescore_runs\` (\`id\` binary(16) NOT NULL, \`kind\` varchar(16) NOT NULL, \`cause\` varchar(24) NULL, \`cause_ref\` varchar(64) NULL, \`import_id\` binary(16) NULL, \`payload\` json NULL, \`available_at\` datetime(3) NOT NULL, \`created_by\` binary(16) NULL, \`created_at\` datetime(3) NOT NULL, \`ranged_at\` datetime(3) NULL, \`dispatched_at\` datetime(3) NULL, \`finished_at\` datetime(3) NULL, \`total\` int NOT NULL DEFAULT '0', INDEX \`ix_rescore_runs_open\` (\`finished_at\`, \`available_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_rescore_runs_open\` ON \`rescore_runs\``);
    await queryRunner.query(`DROP TABLE \`rescore_runs\``);
    await queryRunner.query(`DROP TABLE \`rescore_ranges\``);
    await queryRunner.query(`DROP TABLE \`color_counts\``);
    await queryRunner.query(`DROP TABLE \`color_count_days\``);
    await queryRunner.query(`DROP INDEX \`uq_authority_imports_seq\` ON \`authority_imports\``);
    await queryRunner.query(`DROP TABLE \`authority_imports\``);
    await queryRunner.query(`DROP INDEX \`ix_authority_import_errors_import\` ON \`authority_import_errors\``);
    await queryRunner.query(`DROP TABLE \`authority_import_errors\``);
  }
}
