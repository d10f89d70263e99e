import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authority imports are staged until a second staff member applies them (their valid rows wait, by HMAC, in
 * authority_staged_rows); facts can be withdrawn with a reason and a second person's approval.
 */
export class StagedImportsAndWithdrawals1796600900000 implements MigrationInterface {
  name = 'StagedImportsAndWithdrawals1796600900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `authority_staged_rows` (`id` binary(16) NOT NULL, `import_id` binary(16) NOT NULL, `line` int NOT NULL, `kind` varchar(16) NOT NULL, `id_hmac` binary(32) NOT NULL, `id_hmac_kid` tinyint UNSIGNED NOT NULL DEFAULT 1, `data` json NOT NULL, `region` varchar(6) NOT NULL, `fact_key` binary(32) NOT NULL, INDEX `ix_authority_staged_rows_import` (`import_id`, `line`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `authority_withdrawals` (`id` binary(16) NOT NULL, `seq` int NOT NULL, `target` varchar(8) NOT NULL, `target_id` binary(16) NOT NULL, `reason` varchar(300) NOT NULL, `status` varchar(12) NOT NULL, `region` varchar(6) NOT NULL, `requested_by` binary(16) NOT NULL, `created_at` datetime(3) NOT NULL, `decided_by` binary(16) NULL, `decided_at` datetime(3) NULL, `facts` int NULL, `run_id` binary(16) NULL, UNIQUE INDEX `uq_authority_withdrawals_seq` (`seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `authority_withdrawn_facts` (`id` binary(16) NOT NULL, `withdrawal_id` binary(16) NOT NULL, `kind` varchar(16) NOT NULL, `id_hmac` binary(32) NOT NULL, `id_hmac_kid` tinyint UNSIGNED NOT NULL DEFAULT 1, `data` json NOT NULL, `row_hash` binary(32) NOT NULL, `import_id` varchar(40) NULL, `region` varchar(6) NULL, `withdrawn_at` datetime(3) NOT NULL, INDEX `ix_authority_withdrawn_facts_id_hmac` (`id_hmac`), INDEX `ix_authority_withdrawn_facts_withdrawal` (`withdrawal_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    // Imports uploaded before staging existed were applied on upload.
    await queryRunner.query(
      "ALTER TABLE `authority_imports` ADD `status` varchar(12) NOT NULL DEFAULT 'applied', ADD `rows_valid` int NOT NULL DEFAULT '0', ADD `errors_omitted` int NOT NULL DEFAULT '0', ADD `decided_by` binary(16) NULL, ADD `decided_at` datetime(3) NULL",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `authority_imports` DROP COLUMN `decided_at`, DROP COLUMN `decided_by`, DROP COLUMN `errors_omitted`, DROP COLUMN `rows_valid`, DROP COLUMN `status`',
    );
    await queryRunner.query('DROP TABLE `authority_withdrawn_facts`');
    await queryRunner.query('DROP TABLE `authority_withdrawals`');
    await queryRunner.query('DROP TABLE `authority_staged_rows`');
  }
}
